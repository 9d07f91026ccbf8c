/**
 * Types for `linebreak` 1.1.0 (UAX #14, Unicode 13), which ships none. Only the part the text
 * engine uses is declared.
 */
declare module 'linebreak' {
  /** A break opportunity before the UTF-16 code unit at `position`. */
  export interface Break {
    readonly position: number;
    /** A mandatory break (BK, CR, LF, NL) or the end of the text. */
    readonly required: boolean;
  }

  /** Iterates the UAX #14 break opportunities of one string. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next opportunity, or null after the end of the text. */
    nextBreak(): Break | null;
  }
}
