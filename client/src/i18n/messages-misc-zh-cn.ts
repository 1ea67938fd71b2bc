// 简体中文 strings of the dashboard's count lists and the capture form's layout (issue 13 §6, §8); source of their keys.
export const zhCNMisc = {
  "misc.tile.measuresUnit": "项措施",
  "misc.tile.measuresLabel": "{light} {count} 项措施",
  "misc.tile.problems": "整体为{light}的问题 {count} 个",
  "misc.tile.problemsLabel": "整体为{light}的问题 {count} 个，查看清单",
  "misc.flag.open": "{flag} {count} 项措施，查看清单",
  "misc.list.measures.light": "{light}措施",
  "misc.list.problems.light": "整体为{light}的问题",
  "misc.list.measures.overdue": "逾期措施",
  "misc.list.measures.dueSoon": "临期措施",
  "misc.list.measures.relapsed": "反弹回潮的措施",
  "misc.list.all": "全部措施",
  "misc.list.count": "共 {count} 项",
  "misc.list.truncated": "仅显示前 {shown} 项（共 {total} 项），请按巡察或单位缩小范围。",
  "misc.list.empty": "没有符合的事项。",
  "misc.list.deadline": "时限 {date}",
  "misc.list.longTerm": "长期坚持",
  "misc.capture.measures": "涉及的整改措施",
  "misc.capture.measuresPicked": "已选 {count} 项",
  "misc.capture.fromMeasure": "已按来源预选措施",
};

export type MiscMessages = Record<keyof typeof zhCNMisc, string>;
