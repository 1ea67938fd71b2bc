// Runs a callback once after the first render (e.g. start locating for a new record), with the latest closure.
import { useEffect, useRef } from "react";

export function useMountEffect(fn: () => void): void {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current();
  }, []);
}
