// A download that says what happened: the tap fetches the file (same-origin cookie), then announces "已下载 name
// (size)" or the server's refusal in words, and saves it under the server's file name. The href stays a plain link,
// so a long press, a middle click or "save link as" still work without the script.
import { useState, type ReactNode } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { formatBytes } from "../lib/ids.ts";
import { useAnnounce } from "../ui/announcer.tsx";

/** The file name from Content-Disposition (RFC 6266: filename* in UTF-8 wins over filename). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // a malformed encoding: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  const t = useT();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    announce(t("exports.preparing"));
    try {
      const res = await fetch(href, { credentials: "same-origin" });
      if (!res.ok) {
        announce(t("exports.failed", { status: String(res.status) }));
        return;
      }
      const blob = await res.blob();
      const name = fileNameOf(res.headers.get("Content-Disposition"), href.split("/").pop()!.split("?")[0]!);
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      // The click has handed the blob to the download; free it on the next turn.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      announce(t("exports.done", { name, size: formatBytes(blob.size) }));
    } catch {
      announce(t("exports.offline"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <a
      className="button secondary block"
      href={href}
      aria-busy={busy}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // the browser's own "open/save as"
        e.preventDefault();
        if (!busy) void download();
      }}
    >
      {children}
    </a>
  );
}
