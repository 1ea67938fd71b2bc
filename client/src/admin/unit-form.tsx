// 新增单位: one name; a name already taken comes back as the server's issue on the field.
import { useState } from "react";
import { PanelForm } from "../closeout/form-bits.tsx";
import { useMutationForm } from "../closeout/use-mutation-form.ts";
import { useT } from "../i18n/i18n-context.tsx";
import { FormAlert } from "../supervision/ui.tsx";
import { useAnnounce } from "../ui/announcer.tsx";
import { TextField } from "../ui/field.tsx";
import { checkUnit, CREATE_UNIT } from "./admin-model.ts";

export function UnitForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const { failure, busy, save, errorFor } = useMutationForm();
  const [name, setName] = useState("");

  async function submit() {
    const ok = await save(checkUnit(name), CREATE_UNIT, { name: name.trim() }, "createUnit", ["Unit"]);
    if (!ok) return;
    announce(t("admin.unitCreated", { name: name.trim() }));
    setName("");
    onCreated();
  }

  return (
    <PanelForm label={t("admin.newUnit")} onSubmit={submit}>
      <TextField
        name="unitName"
        label={t("admin.unitName")}
        value={name}
        onChange={setName}
        error={errorFor("unitName", "name")}
        autoComplete="off"
        required
        maxLength={200}
      />
      <FormAlert failure={failure} />
      <div className="item-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t("admin.createUnit")}
        </button>
      </div>
    </PanelForm>
  );
}
