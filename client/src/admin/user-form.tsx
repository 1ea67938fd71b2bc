// 新建用户: username, name, initial password (≥ 10 characters), role, and the unit a liaison belongs to (required
// then). The form checks itself first; the server's issues show next to the fields, its message in the alert.
import { useState } from "react";
import { PanelForm, Labelled } from "../closeout/form-bits.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { FormAlert } from "../supervision/ui.tsx";
import type { Role } from "../supervision/menu.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { TextField } from "../ui/field.tsx";
import {
  checkNewUser,
  CREATE_USER,
  EMPTY_USER,
  MIN_PASSWORD,
  needsUnit,
  newUserVariables,
  ROLES,
  type AdminUnit,
  type NewUser,
} from "./admin-model.ts";

export function UserForm({ units, onCreated }: { units: readonly AdminUnit[]; onCreated: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const { failure, busy, save, errorFor } = useMutationForm();
  const [f, setF] = useState<NewUser>(EMPTY_USER);
  const set = (patch: Partial<NewUser>) => setF((prev) => ({ ...prev, ...patch }));

  async function submit() {
    const ok = await save(checkNewUser(f), CREATE_USER, newUserVariables(f), "createUser", ["User"]);
    if (!ok) return;
    announce(t("admin.userCreated", { username: f.username.trim() }));
    setF(EMPTY_USER);
    onCreated();
  }

  return (
    <PanelForm label={t("admin.newUser")} onSubmit={submit}>
      <h3>{t("admin.newUser")}</h3>
      <TextField
        name="username"
        label={t("admin.username")}
        value={f.username}
        onChange={(username) => set({ username })}
        error={errorFor("username")}
        autoComplete="off"
        required
        maxLength={64}
      />
      <TextField
        name="displayName"
        label={t("admin.displayName")}
        value={f.displayName}
        onChange={(displayName) => set({ displayName })}
        error={errorFor("displayName")}
        autoComplete="off"
        maxLength={200}
      />
      <TextField
        name="password"
        type="password"
        label={t("admin.password")}
        hint={t("admin.passwordHint", { count: MIN_PASSWORD })}
        value={f.password}
        onChange={(password) => set({ password })}
        error={errorFor("password")}
        autoComplete="new-password"
        required
        maxLength={200}
      />
      <Labelled name="role" label={t("admin.role")} error={errorFor("role")}>
        {(common) => (
          <select {...common} value={f.role} onChange={(e) => set({ role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(keyOf("role", r))}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      {needsUnit(f.role) ? (
        <Labelled name="unitId" label={t("admin.unit")} hint={t("admin.unitHint")} error={errorFor("unitId")}>
          {(common) => (
            <select {...common} required value={f.unitId} onChange={(e) => set({ unitId: e.target.value })}>
              <option value="">{t("admin.chooseUnit")}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Labelled>
      ) : null}
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("admin.createUser")}
        </button>
      </div>
    </PanelForm>
  );
}
