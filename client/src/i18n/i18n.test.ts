// Catalogues are complete and well-formed; t() substitutes parameters and falls back sensibly.
import { beforeAll, describe, expect, it } from "vitest";
import { catalogue, format, hasKey, loadLocale, LOCALES, translate } from "./i18n.ts";
import { zhCN } from "./messages-zh-cn.ts";

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  beforeAll(() => Promise.all(LOCALES.map(loadLocale)));

  it("every locale translates every key with the same parameters and no empty text", () => {
    for (const locale of LOCALES) {
      const messages = catalogue(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(zhCN).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(params(text), `${locale} ${key}`).toEqual(params(zhCN[key as keyof typeof zhCN]));
      }
    }
  });

  it("substitutes parameters and leaves unknown ones visible", () => {
    expect(translate("zh-CN", "home.pending", { count: 3 })).toBe("3 条记录等待同步");
    expect(translate("en", "geo.located", { accuracy: 12 })).toBe("Located ±12 m");
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });

  it("uses the labels the browser tests rely on", () => {
    expect(translate("zh-CN", "login.username")).toBe("用户名");
    expect(translate("zh-CN", "login.submit")).toBe("登录");
    expect(translate("zh-CN", "capture.save")).toBe("保存记录");
    expect(translate("zh-CN", "outbox.syncNow")).toBe("立即同步");
    expect(translate("zh-CN", "closeout.request")).toBe("申请销号");
    expect(translate("zh-CN", "closeout.verify")).toBe("核查销号");
    expect(translate("zh-CN", "closeout.inspectionRequired")).toBe("销号前需现场核查");
    expect(translate("zh-CN", "notice.acknowledge")).toBe("确认已阅");
    expect(translate("zh-CN", "notice.print")).toBe("打印");
    expect(translate("zh-CN", "notice.docx")).toBe("下载 Word");
    expect(translate("zh-CN", "dash.threshold")).toBe("临期天数");
    expect(translate("zh-CN", "lookback.schedule")).toBe("安排回头看");
    expect(translate("zh-CN", "light.RED")).toBe("逾期或反弹");
  });

  it("knows which computed keys exist", () => {
    expect(hasKey("syncError.SYNC_CONFLICT")).toBe(true);
    expect(hasKey("syncError.NOPE")).toBe(false);
  });
});
