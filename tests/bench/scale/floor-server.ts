// The floor (floor.ts) in a process of its own for the scale suite. Usage: tsx floor-server.ts <database url>;
// prints {"url": …} once up.
import { startFloor } from "./floor.ts";

const floor = await startFloor(process.argv[2]!);
console.log(JSON.stringify({ url: floor.url }));
process.on("SIGTERM", () => void floor.close().finally(() => process.exit(0)));
