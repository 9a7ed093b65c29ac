// The title of a copy: "Title (bản sao)", then "Title (bản sao 2)", "(bản sao 3)"... in the
// window's language, never "(bản sao) (bản sao)", and never longer than a title may be, so
// duplicating a copy of a copy again and again never fails.

/** The words that mark a copy, in every language the window speaks. */
const COPY_WORDS = ['bản sao', 'copy'];

/** How long a title may be (desk_domain::check::LINE_MAX, counted in characters). */
export const TITLE_MAX = 300;

const SUFFIX = new RegExp(`\\s*\\((?:${COPY_WORDS.join('|')})(?:\\s+(\\d+))?\\)\\s*$`, 'u');

/**
 * The title for a copy of `title`; `word` is the copy word of the window's language
 * ("bản sao" or "copy").
 */
export function copyTitle(title: string, word: string, max = TITLE_MAX): string {
  const found = SUFFIX.exec(title);
  const base = found ? title.slice(0, found.index) : title.trimEnd();
  const number = found ? (found[1] ? Number(found[1]) : 1) + 1 : 1;
  const suffix = number === 1 ? ` (${word})` : ` (${word} ${number})`;
  const room = max - [...suffix].length;
  const chars = [...base];
  const kept =
    chars.length > room
      ? chars
          .slice(0, Math.max(room - 1, 0))
          .join('')
          .trimEnd() + '…'
      : base;
  return kept + suffix;
}
