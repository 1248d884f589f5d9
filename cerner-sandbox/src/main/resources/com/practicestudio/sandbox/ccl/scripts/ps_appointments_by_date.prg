drop program ps_appointments_by_date go
create program ps_appointments_by_date
/**
  Practice Studio: the appointments starting on one day (UTC), with their patient.
  @param $date the day as DD-MMM-YYYY, e.g. 19-NOV-2026
*/
select sa.sch_event_id,
  sa.beg_dt_tm,
  sa.end_dt_tm,
  sa.duration,
  state = sa.state_meaning,
  appt_type = uar_get_code_display(se.appt_type_cd),
  location = uar_get_code_display(sa.appt_location_cd),
  sa.person_id,
  patient = p.name_full_formatted,
  mrn = pa.alias
from sch_appt sa, sch_event se, person p, person_alias pa
plan sa where sa.beg_dt_tm between cnvtdatetime(build2($date, " 00:00:00"))
    and cnvtdatetime(build2($date, " 23:59:59"))
  and sa.role_meaning = "PATIENT"
  and sa.active_ind = 1
join se where se.sch_event_id = sa.sch_event_id
join p where p.person_id = sa.person_id
join pa where pa.person_id = p.person_id
  and pa.person_alias_type_cd = uar_get_code_by("MEANING", 4, "MRN")
order by sa.beg_dt_tm, sa.sch_event_id
with nocounter, maxrec = 1000
end go
