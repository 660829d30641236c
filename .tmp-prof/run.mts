import { runBenches } from '/work/main/bench/harness.ts';
import { collabPropagationBench } from './bench.ts';
await runBenches([collabPropagationBench]);
