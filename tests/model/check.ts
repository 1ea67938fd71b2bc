// `pnpm model`: checks the sync protocol's Promela model with spin in every configuration and prints, per
// configuration, the states explored, the depth reached and the outcome. Exits 1 if any is not as expected.
import { asExpected, CHECKS, runCheck } from "./spin.ts";

let bad = 0;
const only = process.argv[2];
console.log("configuration | expected | result | states | transitions | depth | seconds");
for (const check of CHECKS.filter((c) => !only || c.name.includes(only))) {
  const r = await runCheck(check);
  const ok = asExpected(r);
  if (!ok) bad++;
  const result = r.errors > 0 ? `violation: ${r.violation}` : "no error";
  console.log(
    `${check.name} | ${check.expect} | ${ok ? "" : "UNEXPECTED "}${result} | ${r.states} | ${r.transitions} | ${r.depth} | ${r.seconds.toFixed(1)}`,
  );
}
process.exitCode = bad ? 1 : 0;
