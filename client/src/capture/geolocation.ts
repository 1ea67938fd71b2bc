// The device position for a record, with an explicit state the inspector can read (获取中 / 已定位 ±N米 / 未授权).
// Invariant: a failed or refused fix never blocks saving; the record then simply has no position.
import { useCallback, useEffect, useRef, useState } from "react";
import type { Position } from "@rectify/server/sync";
import type { MessageKey, MessageParams } from "../i18n/i18n.ts";

export type GeoStatus = "idle" | "locating" | "located" | "denied" | "unavailable";

export interface GeoState {
  status: GeoStatus;
  position: Position | null;
}

/** What to show, given the live state and the position the record already holds. */
export function geoLabel(status: GeoStatus, position: Position | null): { key: MessageKey; params?: MessageParams } {
  if (status === "locating") return { key: "geo.locating" };
  if (status === "denied") return { key: "geo.denied" };
  if (position) return { key: "geo.located", params: { accuracy: Math.round(position.accuracyM) } };
  if (status === "unavailable") return { key: "geo.unavailable" };
  return { key: "geo.idle" };
}

export function toPosition(coords: Pick<GeolocationCoordinates, "latitude" | "longitude" | "accuracy">): Position {
  return {
    latitude: coords.latitude,
    longitude: coords.longitude,
    // The envelope wants metres ≥ 0; browsers report a positive accuracy, but never trust NaN.
    accuracyM: Number.isFinite(coords.accuracy) && coords.accuracy >= 0 ? Math.round(coords.accuracy * 10) / 10 : 0,
  };
}

export function useGeolocation(onPosition: (p: Position) => void): { state: GeoState; locate: () => void } {
  const [state, setState] = useState<GeoState>({ status: "idle", position: null });
  const callback = useRef(onPosition);
  useEffect(() => {
    callback.current = onPosition;
  }, [onPosition]);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const locate = useCallback(() => {
    if (!("geolocation" in navigator)) {
      setState({ status: "unavailable", position: null });
      return;
    }
    setState((s) => ({ ...s, status: "locating" }));
    navigator.geolocation.getCurrentPosition(
      (p) => {
        if (!mounted.current) return;
        const position = toPosition(p.coords);
        setState({ status: "located", position });
        callback.current(position);
      },
      (error) => {
        if (!mounted.current) return;
        setState((s) => ({ ...s, status: error.code === error.PERMISSION_DENIED ? "denied" : "unavailable" }));
      },
      // A fresh, precise fix; a minute-old one is fine when the inspector has not moved far.
      { enableHighAccuracy: true, timeout: 30_000, maximumAge: 60_000 },
    );
  }, []);

  return { state, locate };
}
