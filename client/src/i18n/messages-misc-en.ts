// English strings of the dashboard's count lists and the capture form's layout; typed against the zh-CN keys.
import type { MiscMessages } from "./messages-misc-zh-cn.ts";

export const enMisc: MiscMessages = {
  "misc.tile.measuresUnit": "measures",
  "misc.tile.measuresLabel": "{light}: {count} measures",
  "misc.tile.problems": "{count} problems at {light} overall",
  "misc.tile.problemsLabel": "{count} problems at {light} overall: show the list",
  "misc.flag.open": "{flag}: {count} measures, show the list",
  "misc.list.measures.light": "Measures at {light}",
  "misc.list.problems.light": "Problems at {light} overall",
  "misc.list.measures.overdue": "Overdue measures",
  "misc.list.measures.dueSoon": "Measures due soon",
  "misc.list.measures.relapsed": "Relapsed measures",
  "misc.list.all": "All measures",
  "misc.list.count": "{count} in all",
  "misc.list.truncated": "Showing the first {shown} of {total}; narrow it by inspection or unit.",
  "misc.list.empty": "Nothing matches.",
  "misc.list.deadline": "Due {date}",
  "misc.list.longTerm": "Long-term",
  "misc.capture.measures": "Measures concerned",
  "misc.capture.measuresPicked": "{count} chosen",
  "misc.capture.fromMeasure": "Preselected from where you came",
};
