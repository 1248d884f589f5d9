-- A journal row is written three times on the applied path: recorded, claimed, finished. The claim and the finish
-- change no indexed value, so PostgreSQL can write each new version on the row's own page without index entries (a
-- HOT update), but only when that page has room for it. A claim takes the rows of a backlog in id order, so it
-- rewrites every row of a page in one statement, and with pages filled to 70 % about half of those new versions
-- found no room: they went to another page with an entry in each of the journal's indexes (primary key,
-- de-duplication, correlation), 2.7 index entries per applied row in the pipeline benchmark, and a row lock written
-- first while PostgreSQL looked for that other page. Filled to 40 %, a page holds its rows' claimed versions beside
-- them, and the finished ones once the recorded versions are pruned. The price is space: the journal's rows (not
-- their payloads) take about 1.75 times the pages they took. Only pages filled from now on follow it.
ALTER TABLE exchange SET (fillfactor = 40);

-- The queue's claimed version always gets new index entries (claimed is in its indexes' predicates), but on a full
-- page it also has to go to another one, with that row lock first. The queue holds only the backlog, so its room
-- costs nothing once the backlog is applied.
ALTER TABLE exchange_queue SET (fillfactor = 50);
