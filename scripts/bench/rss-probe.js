// Preloaded into Vouch's node process (`node --import`): at exit it writes the process's own peak RSS and
// CPU time, which exclude the scanners it spawned. getrusage(RUSAGE_SELF) is exact where polling /proc
// could miss a short peak, for example while the SARIF file is serialised just before exit.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const target = process.env.VOUCH_BENCH_PROBE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = {
      maxRssKb: usage.maxRSS,
      userCpuMs: usage.userCPUTime / 1000,
      systemCpuMs: usage.systemCPUTime / 1000,
    };
    writeFileSync(target, JSON.stringify(record));
  });
}
