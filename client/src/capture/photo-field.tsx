// Photos from the camera: each one is stamped (a resized copy) and stored with the camera's file itself as the
// original (byte-identical, EXIF kept) before it appears in the form, so a thumbnail always means "these bytes are
// safely on the device". Errors are shown next to the field.
import { useState, type ChangeEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { useServices } from "../services.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { FieldMessages } from "../ui/field.tsx";
import { useBlobUrl } from "./blob-url.ts";
import type { FieldError } from "./form-errors.ts";
import type { CapturedPhoto } from "./form-model.ts";
import type { StampInfo } from "./photo-layout.ts";
import { processPhoto } from "./photo-process.ts";
import { isQuotaError, photoFileName, PhotoTooLargeError, StorageFullError, storePhoto } from "./photo-store.ts";

interface Props {
  photos: CapturedPhoto[];
  slotsLeft: number;
  stampInfo: () => StampInfo;
  onAdd: (photo: CapturedPhoto) => void;
  onRemove: (index: number) => void;
  onCapture: () => void;
  error: FieldError | null;
  onError: (error: FieldError | null) => void;
}

function Thumb({ photo, n, onRemove }: { photo: CapturedPhoto; n: number; onRemove: () => void }) {
  const t = useT();
  const url = useBlobUrl(photo.stamped.id);
  return (
    <li className="thumb">
      {url ? <img src={url} alt={t("capture.photoAlt", { n })} /> : <span className="thumb-empty" />}
      <button type="button" className="thumb-remove" onClick={onRemove} aria-label={t("capture.removePhoto", { n })}>
        ×
      </button>
    </li>
  );
}

export function PhotoField({ photos, slotsLeft, stampInfo, onAdd, onRemove, onCapture, error, onError }: Props) {
  const t = useT();
  const { store } = useServices();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const id = "f-photos";

  async function addFiles(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = ""; // the same picture can be chosen again after an error
    if (files.length === 0) return;
    onCapture();
    onError(null);
    if (files.length > slotsLeft) onError({ key: "error.tooManyPhotos" });
    setBusy(true);
    announce(t("capture.processing"));
    try {
      for (const [i, file] of files.slice(0, slotsLeft).entries()) {
        const at = new Date();
        let stampedId: string | null = null;
        try {
          const { stamped, original } = await processPhoto(file, stampInfo());
          const n = photos.length + i + 1;
          const stampedRef = await storePhoto(store, stamped, "stamped", photoFileName(at, n, "stamped", "jpg"));
          stampedId = stampedRef.id;
          const ext = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" }[original.mimeType];
          const originalRef = await storePhoto(store, original, "original", photoFileName(at, n, "original", ext));
          onAdd({ stamped: stampedRef, original: originalRef });
          announce(t("capture.photoAlt", { n }));
        } catch (error) {
          // Half a pair is useless: drop the stamped copy if the original could not be stored.
          if (stampedId) await store.deleteBlob(stampedId).catch(() => undefined);
          if (error instanceof PhotoTooLargeError) onError({ key: "error.photoTooLarge" });
          else if (error instanceof StorageFullError || isQuotaError(error)) onError({ key: "error.quota" });
          else onError({ key: "error.photoFailed" });
          break;
        }
      }
    } finally {
      setBusy(false);
    }
  }

  const message = error ? t(error.key, error.params) : null;
  return (
    <fieldset className={message ? "field photos has-error" : "field photos"}>
      <legend>{t("capture.photos")}</legend>
      {photos.length > 0 ? (
        <ul className="thumbs">
          {photos.map((p, i) => (
            <Thumb key={p.stamped.id} photo={p} n={i + 1} onRemove={() => onRemove(i)} />
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        className="file-input"
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        disabled={busy || slotsLeft === 0}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
        onChange={(e) => void addFiles(e)}
      />
      <label
        htmlFor={id}
        className={busy || slotsLeft === 0 ? "button secondary block disabled" : "button secondary block"}
      >
        <span aria-hidden="true">📷 </span>
        {busy ? t("capture.processing") : t("capture.addPhoto")}
      </label>
      <FieldMessages id={id} hint={t("capture.photosHint")} error={message} />
    </fieldset>
  );
}
