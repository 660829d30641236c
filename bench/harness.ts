import fs from 'node:fs';
import path from 'node:path';

/** One measured figure, with the target it is judged against (never a pass/fail test). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

export interface BenchContext {
  /** Records a figure and prints it at once. */
  report(figure: Figure): void;
  /** Rows for big runs; `BENCH_SCALE=small` shrinks runs for a quick check. */
  scale(full: number): number;
}

export interface Bench {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Runs benches in order and writes every figure to bench/results/<bench>.json. */
export async function runBenches(benches: Bench[]): Promise<void> {
  const small = process.env.BENCH_SCALE === 'small';
  const resultsDir = path.join(import.meta.dirname, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  for (const bench of benches) {
    const figures: Figure[] = [];
    console.log(`\n# ${bench.name}`);
    const started = performance.now();
    await bench.run({
      report(figure) {
        figures.push(figure);
        console.log(`  ${figure.name}: ${figure.value} ${figure.unit}${figure.target ? `  (target ${figure.target})` : ''}`);
      },
      scale: (full) => (small ? Math.max(1, Math.round(full / 100)) : full),
    });
    const seconds = round((performance.now() - started) / 1000, 1);
    console.log(`  (${seconds} s)`);
    const record = { bench: bench.name, at: new Date().toISOString(), small, node: process.version, figures };
    fs.writeFileSync(path.join(resultsDir, `${bench.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
}
