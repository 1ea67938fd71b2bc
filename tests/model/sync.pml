/*
 * The offline-sync protocol of Rectify as a Promela model, checked with spin (see tests/model/README.md).
 * One record of one device with one photo, as the real code handles it:
 *   device  client/src/outbox/entry-rules.ts (planSave), sync-entry.ts (syncEntry: claim, send, recordProgress,
 *           finish, fail), sync-loop.ts (retry, pruneSynced), client/src/sync/photo-upload.ts (uploadPhoto)
 *   server  server/src/sync/merge.ts (decide, applyDecision, answerFor, applyForeignEdit, resolveConflict),
 *           server/src/queries/records.ts (syncRecord), server/src/http/uploads.ts + files/photo-store.ts
 *           (HEAD/PATCH, append, complete), server/src/queries/record-review.ts (reviseRecord,
 *           resolveRecordConflict, photoBytesArrived)
 * Faults, each with a budget so that the network is eventually up: a request or answer is lost, a request is
 * duplicated (a stale copy arrives later), requests are reordered (the server takes any pending one), the server
 * crashes between any two of its steps (its transactions are all-or-nothing; files and rows it wrote stay),
 * the device reloads between any two steps of a send (volatile state lost, IndexedDB kept), a request times out.
 * Names follow the code; each rule carries the comment of the rule it models.
 */

#define MAXSAVE     3   /* saves of the record on the device: capture + 2 edits (revisions 1..3) */
#define CHUNKS      2   /* the photo's size in upload chunks */
#define MAXPHOTOROUNDS 2 /* maxPhotoRounds of the sync engine */
#define NSLOT       3   /* requests the network may hold at once */

#ifndef LOSS
#define LOSS 2          /* requests or answers the network loses */
#endif
#ifndef DUPS
#define DUPS 1          /* stale duplicates of a request */
#endif
#ifndef CRASHES
#define CRASHES 1       /* server crashes */
#endif
#ifndef RELOADS
#define RELOADS 1       /* device reloads mid-send */
#endif
#ifndef EARLYTIMEOUTS
#define EARLYTIMEOUTS 1 /* requests abandoned by the device while the server still works on them */
#endif
#ifndef FOREIGN
#define FOREIGN 1       /* supervisor revisions (reviseRecord) */
#endif
#ifndef RESOLVES
#define RESOLVES 1      /* conflict resolutions (resolveRecordConflict) */
#endif
#ifndef RETRIES
#define RETRIES 1       /* "retry" taps on an entry that needs attention */
#endif

/* merge.ts Decision: type and reason ("replay" is the flag below). Checked against merge.ts by model.test.ts. */
mtype:decision = { CREATE, UPDATE, ALREADY_APPLIED_duplicate, ALREADY_APPLIED_superseded, CONFLICT_foreign_edit, CONFLICT_open_conflict, CONFLICT_revision_reused };
/* answer.ts SYNC_OUTCOMES (REJECTED is validation, outside the protocol: a record that validates never gets it) */
mtype:outcome = { CREATED, UPDATED, ALREADY_APPLIED, CONFLICT };
/* outbox-store.ts EntryState (draft is never sent; NONE = no entry) */
mtype:entry = { NONE, WAITING, SENDING, SYNCED, NEEDS_ATTENTION };
/* requests and HTTP answers of uploads.ts */
mtype:req = { SEND, HEAD, PATCH };
mtype:http = { H204, H409, H404 };

/* ---- the device's IndexedDB entry (OutboxEntry) ---- */
mtype:entry e_state = NONE;
byte e_revision;       /* envelope.revision */
byte e_content;        /* contentHash of the envelope's content (a number per save) */
byte e_base;           /* envelope.baseVersion */
byte e_sent;           /* sentRevision */
byte e_serverVersion;  /* serverVersion (0 = null) */
bool e_missing;        /* missingPhotos holds the photo */
byte d_contents;       /* contents made so far (content ids 1..MAXSAVE) */

/* ---- the server's row (ServerRecordState) and the photo's attachment and files ---- */
bool s_exists;
byte s_version, s_clientRevision, s_clientVersion, s_lastForeignVersion, s_contentHash;
byte s_clientRevisionHash; /* contentHash of what the device sent as revision clientRevision (applied or held) */
bool s_conflict;       /* conflict != null */
byte s_conf_clientRevision, s_conf_baseVersion, s_conf_contentHash;
bool att_exists;       /* the attachment row (registerPhotos) */
bool att_completed;    /* attachment.completedAt != null */
byte part_len;         /* uploads/<photoId>.part, in chunks */
bool file_stored;      /* files/<sha256> (photos.has) */

/* ---- the network ---- */
typedef Msg { mtype:req kind; byte rev; byte base; byte content; byte off; byte conn };
Msg net[NSLOT];
bool used[NSLOT];
byte dev_conn;         /* the connection the device waits on (0: none) */
byte srv_conn[1];      /* the connection of the request the server is handling (uploads.ts serialises per photo, syncRecord per row) */
chan ans = [1] of { mtype:outcome, mtype:http, byte, bool, byte, bool }; /* outcome, status, serverVersion, missing, offset, complete */

/* ---- fault budgets ---- */
byte loss = LOSS, dups = DUPS, crashes = CRASHES, reloads = RELOADS, early = EARLYTIMEOUTS;

/* ---- ghosts: what the properties talk about ---- */
byte g_applied[MAXSAVE + 1];  /* content the server stored as the device's revision r (CREATE, UPDATE, keep device) */
byte g_reviewed[MAXSAVE + 1]; /* content of revision r a supervisor saw held in a conflict and resolved */
byte g_lastApplied;           /* highest device revision the server ever stored as its content */
byte g_creates;               /* rows created */
bool g_supervisorLive;        /* the server copy is a supervisor's (revision or keep-server) not replaced since */
bool g_pruned;                /* the entry was deleted by pruneSynced */
bool g_done;                  /* the user will save no more */

#define settled (g_done && (e_state == SYNCED || e_state == NEEDS_ATTENTION || g_pruned))
/* Every record is eventually synced (or held as a conflict for review) once the network is up. */
ltl eventually_synced { <> [] settled }

inline maxb(a, b, r) { if :: a >= b -> r = a :: else -> r = b fi }

/* The server confirmed revision rev with content c: stored as applied, or seen and resolved by a supervisor. */
#define confirmed(rev, c) (g_applied[rev] == c || g_reviewed[rev] == c)

/* ================================ device ================================ */

/* entry-rules.ts planSave (under the engine's mutex). New record: revision 1, baseVersion 0. The current
   revision was never handed to the transport (revision > sentRevision): replace the envelope in place, same
   revision. Otherwise revision + 1. In all cases baseVersion = the last serverVersion answered (0 if none). */
inline planSave() {
  d_contents++;
  if
  :: e_state == NONE -> e_revision = 1; e_base = 0; e_sent = 0; e_serverVersion = 0
  :: else ->
     if
     :: e_revision > e_sent -> skip
#ifdef BUG_REUSE_REVISION
     :: else -> skip /* seeded bug: a sent revision is reused for new content */
#else
     :: else -> e_revision++
#endif
     fi;
     e_base = e_serverVersion
  fi;
  e_content = d_contents;
  e_state = WAITING
}

/* store.delete of the entry. The outbox deletes nothing the server has not confirmed (content and photo). */
inline deleteEntry() {
  assert(confirmed(e_revision, e_content) && att_completed);
  g_pruned = true; e_state = NONE
}

proctype User() {
  byte retries = RETRIES;
  /* the first capture */
  atomic { planSave() };
end_user:
  do
  :: atomic { d_contents < MAXSAVE && !g_pruned -> planSave() }
  /* sync-loop.ts retry: a needs_attention entry goes back into the queue as is */
  :: atomic { e_state == NEEDS_ATTENTION && retries > 0 -> retries--; e_state = WAITING }
  /* sync-loop.ts pruneSynced: only synced entries are deleted */
  :: atomic { e_state == SYNCED && !g_pruned -> deleteEntry() }
  :: atomic { !g_done -> g_done = true }
  od
}

/* The device abandons its request (timeout, reload): the browser drops the connection, so whatever is still
   in the network or in the server for it can no longer answer, and an answer already on its way is dropped. */
inline abandon() {
  atomic {
    dev_conn = 0; net[0].conn = 0; net[1].conn = 0; net[2].conn = 0; srv_conn[0] = 0;
    do :: ans?_, _, _, _, _, _ :: empty(ans) -> break od
  }
}

/* Hands a request to the network on a fresh connection. */
inline request(k, r, b, c, o) {
  atomic {
    if :: !used[0] -> i = 0 :: else -> if :: !used[1] -> i = 1 :: else -> i = 2 fi fi;
    assert(!used[i]);
    net[i].kind = k; net[i].rev = r; net[i].base = b; net[i].content = c; net[i].off = o;
    conn = conn % 3 + 1; net[i].conn = conn; dev_conn = conn; used[i] = true
  }
}

/* Waits for the answer; a lost request or answer ends in a timeout (spin's `timeout`: nothing else can move),
   and the device may also give up early while the server is still working. */
inline await() {
  if
  :: ans?a_out, a_http, a_sv, a_missing, a_off, a_done -> dev_conn = 0
  :: early > 0 -> early--; abandon(); goto failed
  :: timeout -> abandon(); goto failed
  fi
}

/* A reload between two steps: the page dies, IndexedDB stays; the next run finds the entry "sending". */
#define RELOAD_POINT if :: reloads > 0 -> reloads--; abandon(); goto reset :: true -> skip fi

/* photo-upload.ts uploadPhoto: HEAD for the server's offset, then PATCH chunks from there. */
inline uploadPhoto() {
  request(HEAD, 0, 0, 0, 0);
  await();
  if :: a_http == H404 -> goto failed :: else -> skip fi; /* PHOTO_UNKNOWN: retryable */
  off = a_off; done = a_done;
  rounds = CHUNKS * 2 + 2;
  do
  :: done -> break
  :: !done && rounds == 0 -> goto failed /* makes no progress: retryable */
  :: !done && rounds > 0 ->
     rounds--;
     RELOAD_POINT;
     request(PATCH, 0, 0, 0, off);
     await();
     if
     :: a_http == H204 -> off = a_off; done = a_done || a_off >= CHUNKS
     :: a_http == H409 -> off = a_off; done = a_off >= CHUNKS /* our offset was wrong: go on from the server's */
     :: a_http == H404 -> goto failed
     fi
  od
}

proctype Device() {
  byte i, conn, c_rev, c_content, c_base, round, off, rounds, a_sv, a_off;
  bool c_missing, a_missing, a_done, done;
  mtype:outcome a_out;
  mtype:http a_http;
top:
end_device:
  do
  :: (e_state == WAITING || e_state == SENDING) ->
     /* sync-entry.ts syncEntry, claim: persist "sending" and sentRevision BEFORE the transport sees it */
     atomic {
       if
       :: !(e_state == WAITING || e_state == SENDING) -> goto top
       :: else -> skip
       fi;
       e_state = SENDING;
       if :: e_sent < e_revision -> e_sent = e_revision :: else -> skip fi;
       c_rev = e_revision; c_content = e_content; c_base = e_base; c_missing = e_missing
     };
#ifdef BUG_DELETE_ON_SEND
     /* seeded bug: the entry is deleted once handed to the transport instead of when the server confirms */
     atomic { deleteEntry() };
#endif
     RELOAD_POINT;
     /* photos an earlier answer asked for: the server has the record, so they can go first */
     if :: c_missing -> uploadPhoto() :: else -> skip fi;
     RELOAD_POINT;
     request(SEND, c_rev, c_base, c_content, 0);
     await();
     round = 1;
     do
     :: a_missing ->
        /* recordProgress: save the server version and the missing photos (same revision only) */
        atomic {
          if :: e_state != NONE ->
               if :: a_sv > 0 -> e_serverVersion = a_sv :: else -> skip fi;
               if :: e_revision == c_rev -> e_missing = a_missing :: else -> skip fi
          :: else -> skip
          fi
        };
        RELOAD_POINT;
        if :: round > MAXPHOTOROUNDS -> goto failed :: else -> skip fi; /* PHOTOS_INCOMPLETE, retryable */
        uploadPhoto();
        RELOAD_POINT;
        request(SEND, c_rev, c_base, c_content, 0); /* same revision: confirms the record is complete */
        await();
        round++
     :: !a_missing -> break
     od;
     /* finish: record the outcome, unless the entry was edited meanwhile (then only learn the version) */
     atomic {
       if
       :: e_state == NONE -> skip
       :: e_state != NONE && e_revision != c_rev -> e_serverVersion = a_sv
       :: e_state != NONE && e_revision == c_rev ->
          e_serverVersion = a_sv; e_missing = false;
          if
          :: a_out == CONFLICT -> e_state = NEEDS_ATTENTION
          :: else ->
             /* No acknowledged record is ever lost: "synced" means this content and its photo are on the server. */
             assert(confirmed(c_rev, c_content) && att_completed);
             e_state = SYNCED
          fi
       fi
     };
     goto reset;
failed:
     /* fail: a retryable error puts the same revision back in the queue (with backoff) */
     atomic {
       if :: e_state != NONE && e_revision == c_rev -> e_state = WAITING :: else -> skip fi
     };
reset:
     skip;
     d_step { i = 0; c_rev = 0; c_content = 0; c_base = 0; round = 0; off = 0; rounds = 0; a_sv = 0; a_off = 0;
              c_missing = false; a_missing = false; a_done = false; done = false; a_out = 0; a_http = 0 }
  od
}

/* ================================ server ================================ */

/* merge.ts decide. Rules, in order:
   1. no server copy -> CREATE.
   1b. revision == clientRevision with a content hash other than the one received for it -> CONFLICT
      (revision-reused): the new copy is held for review, never answered as a duplicate and dropped.
   2. revision <= clientRevision -> ALREADY_APPLIED (duplicate or superseded), except the revision held as the
      open conflict, which answers CONFLICT again (replay).
   3. a conflict is open -> CONFLICT (the newer copy replaces the held one).
   4. someone else changed the record after what this revision builds on, max(baseVersion, clientVersion)
      -> CONFLICT (foreign-edit).
   5. otherwise -> UPDATE. */
inline decide(d_rev, d_base, d_c) {
  replay = false;
  if
  :: !s_exists -> dec = CREATE
  :: s_exists && d_rev == s_clientRevision && s_clientRevisionHash != 0 && d_c != s_clientRevisionHash ->
     dec = CONFLICT_revision_reused
  :: s_exists && d_rev <= s_clientRevision && !(d_rev == s_clientRevision && s_clientRevisionHash != 0 && d_c != s_clientRevisionHash) ->
     if
     :: s_conflict && d_rev == s_conf_clientRevision -> dec = CONFLICT_open_conflict; replay = true
     :: else ->
        if :: d_rev == s_clientRevision -> dec = ALREADY_APPLIED_duplicate :: else -> dec = ALREADY_APPLIED_superseded fi
     fi
  :: s_exists && d_rev > s_clientRevision ->
     maxb(d_base, s_clientVersion, builds);
     if
     :: s_conflict -> dec = CONFLICT_open_conflict
#ifndef BUG_NO_FOREIGN_CHECK
     :: !s_conflict && s_lastForeignVersion > builds -> dec = CONFLICT_foreign_edit
#endif
     :: else -> dec = UPDATE
     fi
  fi
}

/* merge.ts applyDecision + records.ts applyEnvelope (registerPhotos when something changed). */
inline applyDecision(x_rev, x_base, x_c) {
  if
  :: dec == CREATE ->
     assert(g_creates == 0); g_creates++;             /* no record is stored twice */
     assert(x_rev > g_lastApplied); g_lastApplied = x_rev; /* never an older revision over a newer one */
     s_exists = true; s_version = 1; s_clientRevision = x_rev; s_clientVersion = 1; s_lastForeignVersion = 0;
     s_contentHash = x_c; s_conflict = false; g_applied[x_rev] = x_c; g_supervisorLive = false; s_clientRevisionHash = x_c
  :: dec == UPDATE ->
     assert(x_rev > g_lastApplied); g_lastApplied = x_rev;
     assert(!g_supervisorLive);                       /* a supervisor's edit is never silently overwritten */
     s_version++; s_clientRevision = x_rev; s_clientVersion = s_version; s_contentHash = x_c; g_applied[x_rev] = x_c;
     s_clientRevisionHash = x_c
  :: dec == CONFLICT_foreign_edit || dec == CONFLICT_revision_reused || dec == CONFLICT_open_conflict && !replay ->
     /* the newer copy replaces the held one (a reused revision: the copy received last) */
     assert(!s_conflict || x_rev > s_conf_clientRevision || dec == CONFLICT_revision_reused);
     s_clientRevision = x_rev; s_conflict = true; s_clientRevisionHash = x_c;
     s_conf_clientRevision = x_rev; s_conf_baseVersion = x_base; s_conf_contentHash = x_c
  :: else -> skip
  fi;
  changed = (dec == CREATE || dec == UPDATE || dec == CONFLICT_foreign_edit || dec == CONFLICT_revision_reused ||
             dec == CONFLICT_open_conflict && !replay);
  /* registerPhotos: a new attachment row is complete at once if its bytes are already stored */
  if :: changed && !att_exists -> att_exists = true; att_completed = file_stored :: else -> skip fi
}

/* The answer reaches the device only on the connection it still waits on. */
inline reply(r_out, r_http, r_sv, r_missing, r_off, r_done) {
  atomic {
    if
    :: srv_conn[me] != 0 && srv_conn[me] == dev_conn -> ans!r_out, r_http, r_sv, r_missing, r_off, r_done
    :: srv_conn[me] == 0 || srv_conn[me] != dev_conn -> skip
    fi;
    srv_conn[me] = 0
  }
}

#define CRASH_POINT if :: crashes > 0 -> crashes--; srv_conn[me] = 0; goto next :: true -> skip fi

proctype Server(byte me) {
  Msg m;
  byte i, builds, sv, off;
  mtype:decision dec;
  mtype:outcome out;
  bool replay, changed, missing, isDone;
end_server:
  do
  :: atomic {
       (used[0] || used[1] || used[2]) ->
       if :: used[0] -> i = 0 :: used[1] -> i = 1 :: used[2] -> i = 2 fi; /* any pending request: reordering */
       m.kind = net[i].kind; m.rev = net[i].rev; m.base = net[i].base; m.content = net[i].content;
       m.off = net[i].off; m.conn = net[i].conn; used[i] = false; srv_conn[me] = m.conn
     };
     CRASH_POINT;
     if
     :: m.kind == SEND ->
        /* records.ts syncRecord: one transaction with the row locked, so it is one atomic step here (a crash
           inside it rolls it back). lockRecord locks nothing while the row does not exist: two deliveries may
           both decide CREATE, but the second insert hits the unique key (P2002) and is retried, finding the row;
           that retry makes concurrent deliveries serial, as modelled. */
        atomic {
          decide(m.rev, m.base, m.content);
          applyDecision(m.rev, m.base, m.content);
          /* missingPhotos: none for a superseded revision */
          missing = (dec != ALREADY_APPLIED_superseded && !att_completed);
          /* answerFor: serverVersion is the version of the device's last APPLIED content */
          if
          :: dec == CREATE -> out = CREATED
          :: dec == UPDATE -> out = UPDATED
          :: dec == ALREADY_APPLIED_duplicate || dec == ALREADY_APPLIED_superseded -> out = ALREADY_APPLIED
          :: else -> out = CONFLICT
          fi;
          sv = s_clientVersion
        };
        /* a crash after the commit, before the answer left: the device never hears it */
        CRASH_POINT;
        reply(out, H204, sv, missing, 0, false)
     :: m.kind == HEAD || m.kind == PATCH ->
        /* uploads.ts: 404 until a record declared the photo */
        if
        :: !att_exists -> reply(CREATED, H404, 0, false, 0, false); goto next
        :: else -> skip
        fi;
        isDone = att_completed || file_stored;
        if
        :: isDone && !att_completed ->
           CRASH_POINT;
           att_completed = true /* photoBytesArrived: the bytes arrived before a crash marked them */
        :: else -> skip
        fi;
        if :: isDone -> off = CHUNKS :: else -> off = part_len fi;
        if
        :: m.kind == HEAD || isDone -> reply(CREATED, H204, 0, false, off, isDone)
        :: m.kind == PATCH && !isDone && m.off != off -> reply(CREATED, H409, 0, false, off, false) /* wrong Upload-Offset */
        :: m.kind == PATCH && !isDone && m.off == off ->
           part_len++; /* photos.append: only at the current offset, so a retried chunk is never appended twice */
           CRASH_POINT;
           if
           :: part_len < CHUNKS -> reply(CREATED, H204, 0, false, part_len, false)
           :: else ->
              /* photos.complete: hash checked, rename into files/ (atomic) */
              file_stored = true; part_len = 0;
              CRASH_POINT;
              att_completed = true; /* photoBytesArrived */
              CRASH_POINT;
              reply(CREATED, H204, 0, false, CHUNKS, true)
           fi
        fi
     fi;
next:
     skip;
     /* forget the request (dead variables would only multiply the states) */
     d_step { m.kind = 0; m.rev = 0; m.base = 0; m.content = 0; m.off = 0; m.conn = 0; i = 0; builds = 0; sv = 0; off = 0;
              dec = 0; out = 0; replay = false; changed = false; missing = false; isDone = false }
  od
}

/* ============================== supervisor ============================== */

proctype Supervisor() {
  byte foreign = FOREIGN, resolves = RESOLVES;
end_supervisor:
  do
  /* record-review.ts reviseRecord -> merge.ts applyForeignEdit: version + 1, lastForeignVersion = version */
  :: atomic { foreign > 0 && s_exists ->
       foreign--; s_version++; s_lastForeignVersion = s_version; s_contentHash = 100 + foreign; g_supervisorLive = true }
  /* resolveRecordConflict -> merge.ts resolveConflict, keeping the device copy: it becomes the applied content */
  :: atomic { resolves > 0 && s_conflict ->
       resolves--; s_version++; s_clientVersion = s_version; s_contentHash = s_conf_contentHash; s_conflict = false;
       assert(s_conf_clientRevision > g_lastApplied); g_lastApplied = s_conf_clientRevision;
       g_applied[s_conf_clientRevision] = s_conf_contentHash; g_supervisorLive = false }
  /* ... or keeping the server copy: a foreign change; the device's copy was reviewed and set aside */
  :: atomic { resolves > 0 && s_conflict ->
       resolves--; s_version++; s_lastForeignVersion = s_version; s_conflict = false;
       g_reviewed[s_conf_clientRevision] = s_conf_contentHash; g_supervisorLive = true }
  od
}

/* ============================== the network ============================== */

proctype Network() {
  byte i, j;
end_network:
  do
  /* a request is lost */
  :: atomic { loss > 0 && (used[0] || used[1] || used[2]) -> loss--;
       if :: used[0] -> used[0] = false :: used[1] -> used[1] = false :: used[2] -> used[2] = false fi }
  /* an answer is lost */
  :: atomic { loss > 0 && nempty(ans) -> loss--; ans?_, _, _, _, _, _ }
  /* a stale copy of a request arrives later (on a dead connection) */
  :: atomic { dups > 0 && (used[0] || used[1] || used[2]) && !(used[0] && used[1] && used[2]) -> dups--;
       if :: used[0] -> i = 0 :: used[1] -> i = 1 :: used[2] -> i = 2 fi;
       if :: !used[0] -> j = 0 :: !used[1] -> j = 1 :: !used[2] -> j = 2 fi;
       net[j].kind = net[i].kind; net[j].rev = net[i].rev; net[j].base = net[i].base;
       net[j].content = net[i].content; net[j].off = net[i].off; net[j].conn = 0; used[j] = true }
  od
}

/* Content c is on the server: applied as the device's, held beside the server copy as a conflict, or seen by a
   supervisor who resolved that conflict. */
#define stored(c) (g_applied[1] == c || g_applied[2] == c || g_applied[3] == c || g_reviewed[1] == c || \
                   g_reviewed[2] == c || g_reviewed[3] == c || s_conflict && s_conf_contentHash == c)

/* When nothing can move any more (faults spent, the user done, the device idle), the last content the user saved
   is on the server: every saved record reaches the server once the network is up. */
proctype Monitor() {
end_monitor:
  atomic { timeout && g_done && !(e_state == WAITING || e_state == SENDING) -> assert(stored(d_contents)) }
}

init {
  atomic {
    run User(); run Device(); run Server(0); run Supervisor(); run Network(); run Monitor()
  }
}
