/**
 * Why a poster was refused: `illegible` — some text would be smaller than the smallest allowed
 * size on paper even with a stage (or the stages labelled flow arrows join) on a page of its own, or the page
 * is too narrow for legible text at all; `no-room` — the margins leave no page to draw on.
 */
export type LayoutRefusal = 'illegible' | 'no-room';

/** Thrown when a poster cannot be set legibly on the chosen page; the message says what to do. */
export class LayoutError extends Error {
  override readonly name = 'LayoutError';
  constructor(
    /** Why, as data (the message says it in words, bilingually). */
    readonly reason: LayoutRefusal,
    message: string,
    /** The index of the stage that cannot be legible on a page of its own, when that is why. */
    readonly stage?: number,
  ) {
    super(message);
  }
}
