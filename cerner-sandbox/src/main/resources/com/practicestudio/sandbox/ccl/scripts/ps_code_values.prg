drop program ps_code_values go
create program ps_code_values
/**
  Practice Studio: the active code values of a code set, for code mapping.
  @param $code_set the code set number, e.g. 4 (alias types), 57 (sex), 14233 (scheduling states)
*/
select cv.code_value, cv.display, cv.display_key, cv.cdf_meaning, cv.description
from code_value cv
where cv.code_set = $code_set
  and cv.active_ind = 1
order by cv.display
with nocounter
end go
