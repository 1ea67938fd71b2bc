// Public pages (no login): a published problem or a unit's items with an opinion form, and printable QR posters
// that open them (for display at the sites being rectified). Server-rendered, so they load fast on any phone.
// /public/units/<id>?inspection=<id> narrows a unit's page to one inspection; /public/inspections lists them.
// Invariants: only live problems of published inspections are shown; the form works without JavaScript; the pages'
// own words follow the reader's script (public-i18n.ts), published text is shown as published.
import type { IncomingMessage, ServerResponse } from "node:http";
import QRCode from "qrcode";
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import { submitOpinion } from "../queries/opinions.ts";
import { PUBLIC_PROBLEM } from "../queries/visibility.ts";
import { esc, page } from "./html.ts";
import {
  htmlLang,
  LANG_PARAM,
  langQuery,
  languageLinks,
  publicLocale,
  publicT,
  statusLabel,
  type PublicLocale,
} from "./public-i18n.ts";
import { publicProgressByMeasure } from "./public-progress.ts";
import { inspectionsPage } from "./public-inspections.ts";
import { requestMeta, trustedOrigin } from "../security/request-meta.ts";
import type { SecuritySettings } from "../security/settings.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PUBLISHED = PUBLIC_PROBLEM;

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" }).end(body);
}

/** A page in the reader's script, with links to the same page in the others. */
function localPage(locale: PublicLocale, title: string, body: string, path = "", query = new URLSearchParams()) {
  const t = publicT(locale);
  const nav = path ? languageLinks(locale, path, query) : "";
  return page(title, body, htmlLang(locale), { nav, footer: t("footer") });
}

function notFoundPage(locale: PublicLocale) {
  const t = publicT(locale);
  return localPage(locale, t("notFoundTitle"), `<p>${esc(t("notFound"))}</p>`);
}

function opinionForm(locale: PublicLocale, target: { problemId?: string; unitId?: string }, message = "") {
  const t = publicT(locale);
  const hidden = target.problemId
    ? `<input type="hidden" name="problemId" value="${esc(target.problemId)}">`
    : `<input type="hidden" name="unitId" value="${esc(target.unitId)}">`;
  const lang = locale === "zh-CN" ? "" : `<input type="hidden" name="lang" value="${LANG_PARAM[locale]}">`;
  return `<h2 id="opinion">${esc(t("opinion"))}</h2>${message}
<form method="post" action="/public/opinions" aria-labelledby="opinion">${hidden}${lang}
<label for="text">${esc(t("opinionText"))}</label><textarea id="text" name="text" rows="5" required minlength="5" maxlength="2000"></textarea>
<label for="name">${esc(t("name"))}</label><input id="name" name="name" maxlength="50" autocomplete="name">
<label for="contact">${esc(t("contact"))}</label><input id="contact" name="contact" maxlength="100" autocomplete="tel">
<div class="hp" aria-hidden="true"><label for="website">${esc(t("honeypot"))}</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(t("submit"))}</button></form>`;
}

async function problemPage(prisma: PrismaClient, id: string, message = "", locale: PublicLocale = "zh-CN") {
  const t = publicT(locale);
  const p = await prisma.problem.findFirst({
    where: { id, ...PUBLISHED },
    include: { measures: { where: { archivedAt: null }, orderBy: { number: "asc" } }, inspection: true },
  });
  if (!p) return null;
  const progress = await publicProgressByMeasure(
    prisma,
    p.measures.map((m) => m.id),
    locale,
  );
  const status = (s: (typeof p)["status"]) => `<span class="status">${esc(statusLabel(locale, s))}</span>`;
  const measures = p.measures.map((m) => `<li>${esc(m.text)} ${status(m.status)}${progress(m.id)}</li>`).join("");
  const body = `<p>${t("feedbackOf", { team: esc(p.inspection.team), body: esc(p.inspection.inspectedBody) })}</p>
<h2>${t("problemHeading", { title: esc(p.title) })}</h2><p>${esc(t("statusLine"))}${status(p.status)}</p>
${p.body ? `<p>${esc(p.body)}</p>` : ""}<h2>${esc(t("measures"))}</h2><ol class="measures">${measures}</ol>${opinionForm(locale, { problemId: p.id }, message)}`;
  return localPage(locale, `${t("siteTitle")} · ${p.title}`, body, `/public/problems/${p.id}`);
}

async function unitPage(
  prisma: PrismaClient,
  id: string,
  message = "",
  inspectionId: string | null = null,
  locale: PublicLocale = "zh-CN",
) {
  const t = publicT(locale);
  const unit = await prisma.unit.findUnique({ where: { id } });
  if (!unit) return null;
  const measures = await prisma.measure.findMany({
    where: {
      responsibleUnitId: id,
      archivedAt: null,
      problem: { ...PUBLISHED, ...(inspectionId ? { inspectionId } : {}) },
    },
    include: { problem: { select: { id: true, title: true } } },
    orderBy: [{ problem: { section: "asc" } }, { problem: { number: "asc" } }, { number: "asc" }],
  });
  const items = measures
    .map(
      (m) =>
        `<li><a href="/public/problems/${m.problem.id}${langQuery(locale)}">${esc(m.problem.title)}</a>${locale === "en" ? ": " : "："}${esc(m.text.slice(0, 120))}… <span class="status">${esc(statusLabel(locale, m.status))}</span></li>`,
    )
    .join("");
  const body = `<p>${t("unitItems", { unit: esc(unit.name) })}</p><ol class="measures">${items || `<li>${esc(t("none"))}</li>`}</ol>${opinionForm(locale, { unitId: unit.id }, message)}`;
  const query = new URLSearchParams(inspectionId ? { inspection: inspectionId } : {});
  return localPage(locale, `${t("siteTitle")} · ${unit.name}`, body, `/public/units/${unit.id}`, query);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 20_000) break;
  }
  return new URLSearchParams(body);
}

async function postOpinion(prisma: PrismaClient, req: IncomingMessage, res: ServerResponse, s: SecuritySettings) {
  const form = await readForm(req);
  // Anything but a UUID is answered as "not found" below, never looked up (a malformed id must not reach the DB).
  const problemId = form.get("problemId");
  const unitId = form.get("unitId");
  const locale = publicLocale(req, form);
  const t = publicT(locale);
  const back = async (msg: string) =>
    problemId
      ? UUID.test(problemId)
        ? problemPage(prisma, problemId, msg, locale)
        : null
      : unitId && UUID.test(unitId)
        ? unitPage(prisma, unitId, msg, null, locale)
        : null;
  const thanks = () =>
    localPage(locale, t("receivedTitle"), `<p class="notice ok" role="status">${esc(t("thanks"))}</p>`);
  if (form.get("website")) return html(res, 200, thanks());
  try {
    await submitOpinion(
      prisma,
      {
        problemId: problemId || null,
        unitId: unitId || null,
        name: form.get("name"),
        contact: form.get("contact"),
        text: form.get("text") ?? "",
      },
      requestMeta(req, s).clientAddress,
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const status = err.code === "RATE_LIMITED" ? 429 : err.code === "NOT_FOUND" ? 404 : 400;
    const again =
      status === 404
        ? null
        : await back(
            `<p class="notice err" role="alert">${esc(err.code === "RATE_LIMITED" ? t("rateLimited") : err.message)}</p>`,
          );
    return html(res, status, again ?? notFoundPage(locale));
  }
  const done = await back(`<p class="notice ok" role="status">${esc(t("received"))}</p>`);
  return html(res, 200, done ?? thanks());
}

async function poster(prisma: PrismaClient, origin: string, kind: "problems" | "units", id: string) {
  const url = `${origin}/public/${kind}/${id}`;
  const name =
    kind === "problems"
      ? (await prisma.problem.findFirst({ where: { id, ...PUBLISHED }, select: { title: true } }))?.title
      : (await prisma.unit.findUnique({ where: { id }, select: { name: true } }))?.name;
  if (!name) return null;
  return { url, name, svg: await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

export function createPublicHandler(prisma: PrismaClient, security: SecuritySettings) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const [url = "/", query = ""] = (req.url ?? "/").split("?", 2);
    const params = new URLSearchParams(query);
    if (url === "/public/inspections" && req.method === "GET") {
      const locale = publicLocale(req, params);
      const t = publicT(locale);
      const { title, body } = await inspectionsPage(prisma, locale);
      html(res, 200, localPage(locale, title || t("indexTitle"), body, url, new URLSearchParams()));
      return true;
    }
    if (url === "/public/opinions" && req.method === "POST") {
      await postOpinion(prisma, req, res, security);
      return true;
    }
    const m = url.match(/^\/(public|qr)\/(problems|units)\/([0-9a-f-]{36})(\.svg)?$/);
    if (!m || !UUID.test(m[3]!) || req.method !== "GET") return false;
    const [, area, kind, id, svg] = m as unknown as [string, string, "problems" | "units", string, string | undefined];
    if (area === "public" && !svg) {
      const inspection = params.get("inspection");
      const only = inspection && UUID.test(inspection) ? inspection : null;
      const locale = publicLocale(req, params);
      const body =
        kind === "problems" ? await problemPage(prisma, id, "", locale) : await unitPage(prisma, id, "", only, locale);
      html(res, body ? 200 : 404, body ?? notFoundPage(locale));
      return true;
    }
    if (area !== "qr") return false;
    // A poster prints PUBLIC_URL, or this server's own name: never whatever Host header a request made up.
    const origin = trustedOrigin(req, security);
    if (!origin) {
      html(res, 400, page("无法生成二维码", "<p>请设置 PUBLIC_URL（对外访问地址）后再打印二维码。</p>"));
      return true;
    }
    const p = await poster(prisma, origin, kind, id);
    if (!p) {
      html(res, 404, page("未找到", "<p>该事项不存在或尚未公开。</p>"));
      return true;
    }
    if (svg) {
      res.writeHead(200, { "Content-Type": "image/svg+xml", "Cache-Control": "no-cache" }).end(p.svg);
      return true;
    }
    html(
      res,
      200,
      page(
        `扫码查看整改进展 · ${p.name}`,
        `<h2>${esc(p.name)}</h2>
<figure style="max-width:360px;margin:24px auto" role="img" aria-label="二维码：${esc(p.url)}">${p.svg}</figure>
<p>扫描二维码查看整改进展，并可提出意见建议。</p><p><small>${esc(p.url)}</small></p>`,
      ),
    );
    return true;
  };
}
