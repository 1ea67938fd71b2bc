// Inline stroke icons for the bottom navigation (decorative: the text label names the link).
const paths = {
  home: "M4 11l8-7 8 7v9h-5v-6H9v6H4z",
  capture: "M4 8h3l2-3h6l2 3h3v11H4zM12 17a4 4 0 100-8 4 4 0 000 8z",
  outbox: "M4 12a8 8 0 0114-5l2-2v6h-6l2-2a5 5 0 10 1 6M20 12",
  records: "M6 3h9l4 4v14H6zM9 10h7M9 14h7M9 18h4",
  supervision: "M5 21V4h12l-2 4 2 4H5M9 8h3",
  settings:
    "M12 15a3 3 0 100-6 3 3 0 000 6zM19 12l2-1-2-4-2 1-2-2V4h-4v2L9 8 7 7 5 11l2 1v0l-2 1 2 4 2-1 2 2v2h4v-2l2-2 2 1 2-4z",
};

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
