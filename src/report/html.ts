// HTML without a template engine: `html` escapes every interpolated value unless it is itself html or
// explicitly wrapped in unsafe(). Script bodies go through inlineScript / jsonForScript instead.

const marker = Symbol('html');

/** A piece of markup that is trusted as it is. */
export interface Html {
  readonly [marker]: true;
  readonly text: string;
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function trusted(text: string): Html {
  return { [marker]: true, text, toString: () => text } as Html;
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && marker in value;
}

/** Marks text as markup. Only for strings this program wrote itself, never for project text. */
export function unsafe(text: string): Html {
  return trusted(text);
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

/** null, undefined and false render as nothing; arrays are joined without separator. */
function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isHtml(value)) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return trusted(out);
}

/**
 * Code for a <script> element: `</script` would end the element early and `<!--` would switch the
 * parser into its script-data-escaped state. Both can only occur inside strings, template literals
 * and regular expressions, where `\x3C` means `<` too (with or without the `u` flag).
 */
export function inlineScript(code: string): Html {
  return trusted(code.replace(/<(\/script|!--)/gi, '\\x3C$1'));
}

/** JSON for <script type="application/json">: `<` becomes \u003c, which JSON.parse reads back unchanged. */
export function jsonForScript(value: unknown): Html {
  return trusted(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}
