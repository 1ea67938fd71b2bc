// 用户与单位 (admins only): every account with its role, unit and status, a button to deactivate or reactivate
// it, a form for a new user; the units with a form to add one. Online only, like the other supervision screens.
import { useState } from "react";
import { useT } from "../i18n/i18n-context.tsx";
import { keyOf } from "../i18n/i18n.ts";
import { FormAlert, LoadState } from "../supervision/ui.tsx";
import type { FormFailure } from "../supervision/typed-result.ts";
import { useMutationRunner, useOnlineQuery } from "../supervision/use-query.ts";
import { useAnnounce } from "../ui/announcer.tsx";
import { DataTable } from "../ui/data-table.tsx";
import { ADMIN_QUERY, orderUsers, SET_ACTIVE, type AdminUser } from "./admin-model.ts";
import { UnitForm } from "./unit-form.tsx";
import { UserForm } from "./user-form.tsx";

export function AdminScreen() {
  const t = useT();
  const state = useOnlineQuery(ADMIN_QUERY);
  const reload = () => void state.reload();
  const users = orderUsers(state.data?.users.edges.map((e) => e.node) ?? []);
  const units = state.data?.units.edges.map((e) => e.node) ?? [];
  return (
    <section className="screen" aria-labelledby="ad-title">
      <h1 id="ad-title">{t("admin.title")}</h1>
      <LoadState state={state} />
      {state.data ? (
        <>
          <h2 id="ad-users">{t("admin.users")}</h2>
          <p className="summary">{t("admin.userCount", { count: state.data.users.totalCount })}</p>
          <UserTable users={users} onChanged={reload} />
          <UserForm units={units} onCreated={reload} />
          <h2 id="ad-units">{t("admin.units")}</h2>
          <p className="summary">{t("admin.unitCount", { count: state.data.units.totalCount })}</p>
          {units.length === 0 ? <p className="muted">{t("admin.noUnits")}</p> : null}
          <ul className="item-list" aria-labelledby="ad-units">
            {units.map((u) => (
              <li key={u.id} className="item-row">
                {u.name}
              </li>
            ))}
          </ul>
          <UnitForm onCreated={reload} />
        </>
      ) : null}
    </section>
  );
}

function UserTable({ users, onChanged }: { users: readonly AdminUser[]; onChanged: () => void }) {
  const t = useT();
  const run = useMutationRunner();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<FormFailure | null>(null);

  async function toggle(u: AdminUser) {
    setBusy(u.id);
    const r = await run(SET_ACTIVE, { id: u.id, active: !u.active }, "updateUser", ["User"]);
    setBusy(null);
    if (!r.ok) return setFailure(r.failure);
    setFailure(null);
    announce(t(u.active ? "admin.userDeactivated" : "admin.userActivated", { username: u.username }));
    onChanged();
  }

  return (
    <>
      <DataTable
        labelledBy="ad-users"
        stackOnPhone
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { label: t("admin.col.username"), cell: (u) => u.username },
          { label: t("admin.col.displayName"), cell: (u) => u.displayName },
          { label: t("admin.col.role"), cell: (u) => t(keyOf("role", u.role)) },
          { label: t("admin.col.unit"), cell: (u) => u.unit?.name ?? "—" },
          { label: t("admin.col.active"), cell: (u) => t(u.active ? "admin.active" : "admin.inactive") },
          {
            label: t("admin.col.actions"),
            cell: (u) => (
              <button
                type="button"
                className={u.active ? "secondary small" : "primary small"}
                disabled={busy === u.id}
                onClick={() => void toggle(u)}
              >
                {t(u.active ? "admin.deactivate" : "admin.activate")}
                <span className="visually-hidden"> · {u.username}</span>
              </button>
            ),
          },
        ]}
      />
      <FormAlert failure={failure} />
    </>
  );
}
