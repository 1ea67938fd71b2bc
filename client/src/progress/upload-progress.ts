// Bytes the server holds of each evidence file being uploaded, fed by the transport after every chunk, for the
// progress bars on 我的整改事项. A file disappears from the list once complete.
export interface UploadState {
  id: string;
  fileName: string;
  sent: number;
  total: number;
}

export interface UploadProgress {
  report(meta: { id: string; fileName: string }, sent: number, total: number): void;
  subscribe(listener: () => void): () => void;
  snapshot(): readonly UploadState[];
}

export function createUploadProgress(): UploadProgress {
  let states: readonly UploadState[] = [];
  const listeners = new Set<() => void>();
  return {
    report(meta, sent, total) {
      const rest = states.filter((s) => s.id !== meta.id);
      states = sent >= total ? rest : [...rest, { id: meta.id, fileName: meta.fileName, sent, total }];
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    snapshot: () => states,
  };
}
