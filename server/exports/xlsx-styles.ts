import type { FieldDef } from '../tables/index.ts';

/** How a field's values go into cells: typed numbers with a number format, booleans, or text. */
export type CellKind = { kind: 'number'; style: number } | { kind: 'date'; style: number } | { kind: 'boolean' } | { kind: 'text' };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The workbook's cell styles, one per distinct number format the fields' types ask for
 * (currency as "¥"#,##0.00 with the field's symbol and precision, percent as 0% / 0.0%,
 * dates as yyyy-mm-dd (hh:mm), numbers with a fixed precision as #,##0.00). Style 0 is
 * General.
 */
export class XlsxStyles {
  private readonly codes: string[] = [];

  cellKind(field: FieldDef): CellKind {
    // The number format is the field type's to say (FieldType.spreadsheetFormat).
    const code = field.fieldType.spreadsheetFormat?.(field.options);
    switch (field.fieldType.kind) {
      case 'number':
        return { kind: 'number', style: code ? this.style(code) : 0 };
      case 'date':
        return { kind: 'date', style: this.style(code ?? 'yyyy-mm-dd') };
      case 'boolean':
        return { kind: 'boolean' };
      default:
        return { kind: 'text' };
    }
  }

  private style(code: string): number {
    let index = this.codes.indexOf(code);
    if (index < 0) index = this.codes.push(code) - 1;
    return index + 1;
  }

  /** xl/styles.xml: custom formats from id 164, one cellXf each after the General one. */
  xml(): string {
    const formats = this.codes.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join('');
    const xfs = this.codes.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${this.codes.length}">${formats}</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.codes.length + 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs}<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }

  /** The bold style of the header row, after the number formats. */
  get headerStyle(): number {
    return this.codes.length + 1;
  }
}

export { escapeXml };
