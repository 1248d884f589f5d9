drop program ps_encounters_by_fin go
create program ps_encounters_by_fin
/**
  Practice Studio: the encounter behind a FIN (financial number).
  @param $fin the FIN (text)
*/
select e.encntr_id,
  fin = ea.alias,
  e.person_id,
  encntr_type = uar_get_code_display(e.encntr_type_cd),
  encntr_class = uar_get_code_meaning(e.encntr_type_class_cd),
  status = uar_get_code_meaning(e.encntr_status_cd),
  e.reg_dt_tm,
  e.disch_dt_tm,
  facility = uar_get_code_display(e.loc_facility_cd),
  location = uar_get_code_display(e.location_cd)
from encntr_alias ea, encounter e
plan ea where ea.alias = $fin
  and ea.encntr_alias_type_cd = uar_get_code_by("MEANING", 319, "FIN NBR")
  and ea.active_ind = 1
join e where e.encntr_id = ea.encntr_id
  and e.active_ind = 1
with nocounter, maxrec = 10
end go
