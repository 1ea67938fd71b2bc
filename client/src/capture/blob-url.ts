// An object URL for photo bytes held in the outbox store (thumbnails, the saved signature), revoked on unmount.
import { useEffect, useState } from "react";
import { useServices } from "../services.tsx";

export function useBlobUrl(photoId: string | null): string | null {
  const { store } = useServices();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photoId) return;
    let created: string | null = null;
    let cancelled = false;
    void store
      .getBlob(photoId)
      .then((blob) => {
        if (!blob || cancelled) return;
        created = URL.createObjectURL(new Blob([blob.bytes.slice()], { type: blob.mimeType }));
        setUrl(created);
      })
      .catch(() => undefined); // a missing thumbnail is shown as an empty frame; the outbox reports real loss
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [store, photoId]);
  return photoId ? url : null;
}
