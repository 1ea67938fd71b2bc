// 繁體中文 strings of the dashboard's count lists and the capture form's layout; typed against the zh-CN keys.
import type { MiscMessages } from "./messages-misc-zh-cn.ts";

export const zhTWMisc: MiscMessages = {
  "misc.tile.measuresUnit": "項措施",
  "misc.tile.measuresLabel": "{light} {count} 項措施",
  "misc.tile.problems": "整體為{light}的問題 {count} 個",
  "misc.tile.problemsLabel": "整體為{light}的問題 {count} 個，查看清單",
  "misc.flag.open": "{flag} {count} 項措施，查看清單",
  "misc.list.measures.light": "{light}措施",
  "misc.list.problems.light": "整體為{light}的問題",
  "misc.list.measures.overdue": "逾期措施",
  "misc.list.measures.dueSoon": "臨期措施",
  "misc.list.measures.relapsed": "反彈回潮的措施",
  "misc.list.all": "全部措施",
  "misc.list.count": "共 {count} 項",
  "misc.list.truncated": "僅顯示前 {shown} 項（共 {total} 項），請按巡察或單位縮小範圍。",
  "misc.list.empty": "沒有符合的事項。",
  "misc.list.deadline": "時限 {date}",
  "misc.list.longTerm": "長期堅持",
  "misc.capture.measures": "涉及的整改措施",
  "misc.capture.measuresPicked": "已選 {count} 項",
  "misc.capture.fromMeasure": "已按來源預選措施",
};
