// Signature of the person questioned, drawn with a finger or stylus (pointer events) on a canvas. Strokes are
// kept as data (0..1 coordinates) so a draft restores them; the PNG is rendered from them when the record is saved.
import { useCallback, useEffect, useRef, type PointerEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { FieldMessages } from "../ui/field.tsx";
import { useBlobUrl } from "./blob-url.ts";
import type { Stroke } from "./form-model.ts";
import { drawStrokes, SIGNATURE_HEIGHT, SIGNATURE_WIDTH } from "./photo-process.ts";

interface Props {
  strokes: Stroke[];
  /** A saved signature image (record being edited) shown until the inspector draws a new one. */
  savedPhotoId: string | null;
  onChange: (strokes: Stroke[]) => void;
  onClear: () => void;
  error?: string | null;
}

export function SignaturePad({ strokes, savedPhotoId, onChange, onClear, error }: Props) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const current = useRef<number[] | null>(null);
  const savedUrl = useBlobUrl(strokes.length === 0 ? savedPhotoId : null);
  const id = "f-signature";

  const redraw = useCallback(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    // Backing store at device resolution, so lines stay sharp on high-density screens.
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(c.clientWidth * ratio);
    const h = Math.round(c.clientHeight * ratio);
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
    ctx.clearRect(0, 0, w, h);
    drawStrokes(ctx, current.current ? [...strokes, current.current] : strokes, w, h);
  }, [strokes]);

  useEffect(() => {
    redraw();
    window.addEventListener("resize", redraw);
    return () => window.removeEventListener("resize", redraw);
  }, [redraw]);

  function point(e: PointerEvent<HTMLCanvasElement>): [number, number] {
    const r = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return [clamp((e.clientX - r.left) / r.width), clamp((e.clientY - r.top) / r.height)];
  }

  function down(e: PointerEvent<HTMLCanvasElement>) {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    if (strokes.length === 0 && savedPhotoId) onClear(); // drawing replaces a saved signature, never adds to it
    current.current = point(e);
    redraw();
  }
  function move(e: PointerEvent<HTMLCanvasElement>) {
    if (!current.current) return;
    // Coalesced events give the full pen path on fast strokes; fall back to the event itself.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent];
    const r = e.currentTarget.getBoundingClientRect();
    for (const ev of events.length ? events : [e.nativeEvent]) {
      current.current.push(
        Math.min(1, Math.max(0, (ev.clientX - r.left) / r.width)),
        Math.min(1, Math.max(0, (ev.clientY - r.top) / r.height)),
      );
    }
    redraw();
  }
  function up() {
    const stroke = current.current;
    current.current = null;
    if (stroke) onChange([...strokes, stroke.map((v) => Math.round(v * 1000) / 1000)]);
  }

  const signed = strokes.length > 0 || !!savedPhotoId;
  return (
    <fieldset className={error ? "field signature has-error" : "field signature"} aria-describedby={`${id}-hint`}>
      <legend>{t("q.signature")}</legend>
      <div className="signature-frame" style={{ aspectRatio: `${SIGNATURE_WIDTH} / ${SIGNATURE_HEIGHT}` }}>
        <canvas
          id={id}
          ref={canvas}
          role="img"
          aria-label={`${t("q.signature")}：${signed ? t("q.signed") : t("q.unsigned")}`}
          aria-invalid={error ? true : undefined}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
          onPointerCancel={up}
        />
        {savedUrl ? <img src={savedUrl} alt="" className="signature-saved" aria-hidden="true" /> : null}
      </div>
      <FieldMessages id={id} hint={t("q.signatureHint")} error={error} />
      <button type="button" className="secondary" onClick={onClear} disabled={!signed}>
        {t("q.signatureClear")}
      </button>
    </fieldset>
  );
}
