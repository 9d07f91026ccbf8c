import { FontError } from '../fonts/font-spec.js';
import { LayoutError } from '../layout/layout-error.js';
import { ChartError } from '../model/problems.js';
import { PixelBudgetError } from '../render/pixel-budget.js';
import { TableError } from '../table/problems.js';

/** An error a user can act on: printed as its message, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The lines to print for an error. Problems in a chart or a list, a poster that does not fit its page, an
 * unreadable font and usage mistakes are shown as their message alone (each says what to do);
 * anything else is a bug or an environment failure, shown with its stack only under --debug.
 */
export function describeError(err: unknown, debug: boolean): string {
  if (err instanceof ChartError || err instanceof TableError || err instanceof UsageError) return err.message;
  if (err instanceof LayoutError || err instanceof FontError || err instanceof PixelBudgetError)
    return err.message;
  if (err instanceof Error) {
    if (debug && err.stack) return err.stack;
    return `error / 错误: ${err.message} (run with --debug for details / 加 --debug 查看详情)`;
  }
  return `error / 错误: ${String(err)}`;
}

/** `message` as it names `file` first: a chart's problems do already; a layout or an unexpected error may not. */
export function namingFile(file: string, message: string): string {
  return message.startsWith(file) ? message : `${file}: ${message}`;
}
