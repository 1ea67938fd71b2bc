// Login: username + password → the server sets an HttpOnly session cookie. Errors are shown in an alert under the
// form; an expired session's inspector sees this over the app, with the outbox untouched. Invariant: only a
// wrong-password answer clears the password; a network or server failure keeps what was typed.
import { useState, type FormEvent } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { TextField } from "../ui/field.tsx";
import { useSession } from "./session.tsx";

export function LoginScreen({ initialUsername = "", onCancel }: { initialUsername?: string; onCancel?: () => void }) {
  const t = useT();
  const { login } = useSession();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t("login.required"));
      return;
    }
    setBusy(true);
    setError(null);
    setDetail(null);
    const outcome = await login(username.trim(), password);
    setBusy(false);
    if (outcome.ok) return;
    if (outcome.reason === "bad") {
      setPassword(""); // the server said this password is wrong: retyping starts from empty
      setError(t("login.bad"));
    } else if (outcome.reason === "offline") {
      setError(t(navigator.onLine ? "login.unreachable" : "login.noNetwork"));
    } else if (outcome.reason === "rateLimited") {
      setError(t("login.rateLimited", { seconds: outcome.seconds ?? 60 }));
    } else {
      setError(t("login.failedGeneric"));
      setDetail(outcome.message || null);
    }
  }

  return (
    <section className="login" aria-labelledby="login-title">
      <div className="login-brand" aria-hidden="true">
        <img src="/favicon.svg" alt="" width="56" height="56" />
      </div>
      <h1 id="login-title">{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="username"
          label={t("login.username")}
          value={username}
          onChange={setUsername}
          autoComplete="username"
          required
        />
        <TextField
          name="password"
          label={t("login.password")}
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete="current-password"
          required
        />
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {detail ? (
          <details className="tech-details">
            <summary>{t("syncError.details")}</summary>
            <code>{detail}</code>
          </details>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary block" disabled={busy} aria-busy={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {t("login.submit")}
          </button>
          {onCancel ? (
            <button type="button" className="secondary block" onClick={onCancel}>
              {t("common.cancel")}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
