-- A reviewer may return a submitted visit record to the officer (issue 12): the step records why.
ALTER TABLE visit_events ADD COLUMN reason text;
