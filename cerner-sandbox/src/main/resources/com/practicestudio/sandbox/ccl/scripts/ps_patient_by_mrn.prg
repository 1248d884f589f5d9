drop program ps_patient_by_mrn go
create program ps_patient_by_mrn
/**
  Practice Studio: the person behind an MRN.
  @param $mrn the medical record number (text)
  Answers one row per person holding an active MRN alias of that value.
*/
select p.person_id,
  mrn = cnvtalias(pa.alias, pa.alias_pool_cd),
  p.name_last,
  p.name_first,
  p.name_middle,
  p.birth_dt_tm,
  sex = uar_get_code_display(p.sex_cd),
  p.active_ind,
  p.updt_dt_tm
from person_alias pa, person p
plan pa where pa.alias = $mrn
  and pa.person_alias_type_cd = uar_get_code_by("MEANING", 4, "MRN")
  and pa.active_ind = 1
  and pa.end_effective_dt_tm > cnvtdatetime(curdate, curtime3)
join p where p.person_id = pa.person_id
order by p.person_id
with nocounter, maxrec = 10
end go
