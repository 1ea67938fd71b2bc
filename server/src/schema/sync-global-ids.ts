// Node ids answer synchronously: @pothos/plugin-relay's `t.globalID` wraps every id resolver in an async function,
// so each node in a result became a promise (a dashboard's 5,500 rows: 5,500 promises, and concurrent requests'
// result trees interleaved and stayed alive together). Same encoding (the builder's relay encodeGlobalID, else
// base64 "Type:id"); a resolver that is itself async still gets its id encoded when it settles.
// Invariant: imported by builder.ts after the relay plugin, before any type is defined.
import { isThenable, RootFieldBuilder, type SchemaTypes } from "@pothos/core";
import { encodeGlobalID } from "@pothos/plugin-relay";

type IdResult = { type: unknown; id: unknown } | string | null | undefined;
type Resolve = (parent: unknown, args: unknown, ctx: unknown, info: unknown) => IdResult | Promise<IdResult>;

const proto = RootFieldBuilder.prototype as unknown as {
  globalID(this: RootFieldBuilder<SchemaTypes, unknown>, options: { resolve: Resolve }): unknown;
};

proto.globalID = function globalID({ resolve, ...options }) {
  const builder = this.builder;
  const encode = (item: IdResult, ctx: unknown) => {
    if (!item || typeof item !== "object") return item;
    const typename = builder.configStore.getTypeConfig(item.type as string).name;
    const custom = builder.options.relay?.encodeGlobalID;
    return custom ? custom(typename, String(item.id), ctx as never) : encodeGlobalID(typename, String(item.id));
  };
  return (this as unknown as { field(o: object): unknown }).field({
    ...options,
    type: "ID",
    resolve: (parent: unknown, args: unknown, ctx: unknown, info: unknown) => {
      const result = resolve(parent, args, ctx, info);
      return isThenable(result) ? result.then((r) => encode(r, ctx)) : encode(result, ctx);
    },
  });
};
