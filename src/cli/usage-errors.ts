/**
 * The argument parser's (commander's) own error messages, in both languages: a clerk who types
 * `--dpix` reads what is wrong in Chinese, a developer still gets commander's words.
 */

/** What an argument stands for, for "缺少参数" (missing argument). */
const ARGUMENT_ZH: Readonly<Record<string, string>> = {
  inputs: '防控图文件、文件夹或通配符',
  file: '防控图文件',
};

const TRANSLATIONS: readonly [RegExp, (m: RegExpExecArray) => { en: string; zh: string }][] = [
  [
    /^unknown option '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?/su,
    ([, option, guess]) => ({
      en: `unknown option '${option}'${guess ? ` (did you mean ${guess}?)` : ''}`,
      zh: `没有选项 ${option}${guess ? `（是不是 ${guess}？）` : ''}`,
    }),
  ],
  [
    /^unknown command '(.+?)'(?:\s*\(Did you mean (.+?)\?\))?/su,
    ([, command, guess]) => ({
      en: `unknown command '${command}'${guess ? ` (did you mean ${guess}?)` : ''}`,
      zh: `没有命令 ${command}${guess ? `（是不是 ${guess}？）` : ''}`,
    }),
  ],
  [
    /^missing required argument '(.+?)'/u,
    ([, name = '']) => ({
      en: `missing required argument '${name}'`,
      zh: `缺少参数 ${name}${ARGUMENT_ZH[name] ? `（${ARGUMENT_ZH[name]}）` : ''}`,
    }),
  ],
  [
    /^option '(.+?)' argument missing/u,
    ([, flags]) => ({ en: `option '${flags}' needs a value`, zh: `选项 ${flags} 后面缺少值` }),
  ],
  [
    /^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./u,
    ([, , expected, got]) => ({
      en: `too many arguments: expected ${expected}, got ${got}`,
      zh: `参数过多：应为 ${expected} 个，实际 ${got} 个（文件名含空格时请加引号）`,
    }),
  ],
];

/**
 * commander's error `message` (`error: unknown option '--dpix'\n(Did you mean --dpi?)`) as one
 * bilingual line, ending with where to read the options of `command` (`fangkongtu render`).
 */
export function bilingualUsageError(message: string, command: string): string {
  const text = message.trim().replace(/^error:\s*/u, '');
  const help = { en: `see ${command} --help`, zh: `可用的写法见 ${command} --help` };
  for (const [pattern, translate] of TRANSLATIONS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const { en, zh } = translate(match);
    return `error: ${en}; ${help.en} / 错误：${zh}；${help.zh}`;
  }
  return `error: ${text.replace(/\s*\n\s*/gu, ' ')}; ${help.en} / 错误：命令行参数有误；${help.zh}`;
}
