// Preloaded (`node --import`) into each cold CLI run by the benchmark: when the process exits it
// writes its CPU time and peak RSS — worker threads included, they share the process — to the
// file named by FANGKONGTU_BENCH_RUSAGE. Peak RSS is VmHWM of /proc/self/status where there is
// one: getrusage's maxrss survives exec on Linux, so a child forked from a big parent would
// report the parent's size.
import { readFileSync, writeFileSync } from 'node:fs';

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

const out = process.env.FANGKONGTU_BENCH_RUSAGE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKb: peakKb() }),
    );
  });
}
