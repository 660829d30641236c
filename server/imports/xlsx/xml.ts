import sax from 'sax';
import { AppError } from '../../errors.ts';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export interface XmlParser {
  write(chunk: string): void;
  end(): void;
}

/**
 * A strict SAX parser that reports element names without their namespace prefix
 * (`x:row` and `row` are the same element to us: some writers use a prefix).
 */
export function xmlParser(part: string, handlers: XmlHandlers): XmlParser {
  const parser = sax.parser(true, { trim: false, normalize: false, position: false });
  const local = (name: string) => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  };
  parser.onopentag = (node) => handlers.open?.(local(node.name), node.attributes as Record<string, string>);
  parser.onclosetag = (name) => handlers.close?.(local(name));
  parser.ontext = (text) => handlers.text?.(text);
  parser.oncdata = (text) => handlers.text?.(text);
  parser.onerror = (error) => {
    throw new AppError('INVALID_REQUEST', `the .xlsx file is damaged: its part ${part} is not valid XML (${error.message.split('\n')[0]})`, { part });
  };
  return {
    write: (chunk) => void parser.write(chunk),
    end: () => void parser.close(),
  };
}

/** Parses a whole small part. */
export function parseXml(part: string, text: string, handlers: XmlHandlers): void {
  const parser = xmlParser(part, handlers);
  parser.write(text);
  parser.end();
}
