// Public pages (no login): a published problem or a unit's items with an opinion form, and printable QR posters
// that open them (for display at the sites being rectified). Server-rendered, so they load fast on any phone.
// /public/units/<id>?inspection=<id> narrows a unit's page to one inspection; /public/inspections lists them.
// Invariants: only live problems of published inspections are shown; the form works without JavaScript.
import type { IncomingMessage, ServerResponse } from "node:http";
import QRCode from "qrcode";
import type { PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import { submitOpinion } from "../queries/opinions.ts";
import { PUBLIC_PROBLEM } from "../queries/visibility.ts";
import { esc, page, STATUS_LABEL } from "./html.ts";
import { publicProgressByMeasure } from "./public-progress.ts";
import { inspectionsPage } from "./public-inspections.ts";
import { requestMeta, trustedOrigin } from "../security/request-meta.ts";
import type { SecuritySettings } from "../security/settings.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PUBLISHED = PUBLIC_PROBLEM;

function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" }).end(body);
}

function opinionForm(target: { problemId?: string; unitId?: string }, message = "") {
  const hidden = target.problemId
    ? `<input type="hidden" name="problemId" value="${esc(target.problemId)}">`
    : `<input type="hidden" name="unitId" value="${esc(target.unitId)}">`;
  return `<h2 id="opinion">意见建议</h2>${message}
<form method="post" action="/public/opinions" aria-labelledby="opinion">${hidden}
<label for="text">您的意见或反映的问题（必填）</label><textarea id="text" name="text" rows="5" required minlength="5" maxlength="2000"></textarea>
<label for="name">姓名（可不填）</label><input id="name" name="name" maxlength="50" autocomplete="name">
<label for="contact">电话或邮箱（可不填）</label><input id="contact" name="contact" maxlength="100" autocomplete="tel">
<div class="hp" aria-hidden="true"><label for="website">请勿填写</label><input id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">提交意见</button></form>`;
}

async function problemPage(prisma: PrismaClient, id: string, message = "") {
  const p = await prisma.problem.findFirst({
    where: { id, ...PUBLISHED },
    include: { measures: { where: { archivedAt: null }, orderBy: { number: "asc" } }, inspection: true },
  });
  if (!p) return null;
  const progress = await publicProgressByMeasure(
    prisma,
    p.measures.map((m) => m.id),
  );
  const measures = p.measures
    .map((m) => `<li>${esc(m.text)} <span class="status">${esc(STATUS_LABEL[m.status])}</span>${progress(m.id)}</li>`)
    .join("");
  const body = `<p>${esc(p.inspection.team)}对${esc(p.inspection.inspectedBody)}巡视反馈问题</p>
<h2>关于“${esc(p.title)}”问题的整改</h2><p>整改状态：<span class="status">${esc(STATUS_LABEL[p.status])}</span></p>
${p.body ? `<p>${esc(p.body)}</p>` : ""}<h2>整改措施</h2><ol class="measures">${measures}</ol>${opinionForm({ problemId: p.id }, message)}`;
  return page(`巡视整改公开 · ${p.title}`, body);
}

async function unitPage(prisma: PrismaClient, id: string, message = "", inspectionId: string | null = null) {
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
        `<li><a href="/public/problems/${m.problem.id}">${esc(m.problem.title)}</a>：${esc(m.text.slice(0, 120))}… <span class="status">${esc(STATUS_LABEL[m.status])}</span></li>`,
    )
    .join("");
  const body = `<p>${esc(unit.name)}负责的整改事项</p><ol class="measures">${items || "<li>暂无公开的整改事项</li>"}</ol>${opinionForm({ unitId: unit.id }, message)}`;
  return page(`巡视整改公开 · ${unit.name}`, body);
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
  const back = async (msg: string) =>
    problemId
      ? UUID.test(problemId)
        ? problemPage(prisma, problemId, msg)
        : null
      : unitId && UUID.test(unitId)
        ? unitPage(prisma, unitId, msg)
        : null;
  if (form.get("website"))
    return html(res, 200, page("已收到", `<p class="notice ok" role="status">感谢您的意见。</p>`));
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
            `<p class="notice err" role="alert">${esc(err.code === "RATE_LIMITED" ? "提交过于频繁，请一小时后再试。" : err.message)}</p>`,
          );
    return html(res, status, again ?? page("未找到", "<p>该事项不存在或尚未公开。</p>"));
  }
  const done = await back(`<p class="notice ok" role="status">感谢您的意见，我们已收到，将及时处理。</p>`);
  return html(res, 200, done ?? page("已收到", "<p>感谢您的意见。</p>"));
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
    if (url === "/public/inspections" && req.method === "GET") {
      html(res, 200, await inspectionsPage(prisma));
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
      const inspection = new URLSearchParams(query).get("inspection");
      const only = inspection && UUID.test(inspection) ? inspection : null;
      const body = kind === "problems" ? await problemPage(prisma, id) : await unitPage(prisma, id, "", only);
      html(res, body ? 200 : 404, body ?? page("未找到", "<p>该事项不存在或尚未公开。</p>"));
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
