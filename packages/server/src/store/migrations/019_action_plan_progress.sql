-- Progress on the provider's improvement action plan (issue 12, "Actions"; issue 13 admin brief).
--
-- Once the report is final the provider may no longer replace its action plan as a whole; it
-- records progress or completion per action instead: who owns it now, on which date, and a note.
-- Each record is kept (the latest is the action's state), so the plan's history is never lost.
CREATE TABLE report_action_progress (
  assessment_id  text NOT NULL,
  position       integer NOT NULL,
  status         text NOT NULL CHECK (status IN ('in-progress', 'done')),
  owner          text NOT NULL,
  on_date        date NOT NULL,
  note           text,
  by_user        text NOT NULL,
  at             timestamptz NOT NULL DEFAULT now(),
  seq            integer NOT NULL,
  PRIMARY KEY (assessment_id, position, seq),
  FOREIGN KEY (assessment_id, position) REFERENCES report_action_plans (assessment_id, position)
);
