package com.practicestudio.sandbox.ccl;

import com.practicestudio.sandbox.data.CodeValue;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CCL functions of the subset: CNVTUPPER, CNVTLOWER, TRIM, BUILD2, CONCAT, CNVTSTRING,
 * CNVTREAL, CNVTDATETIME, FORMAT (date masks), UAR_GET_CODE_DISPLAY, UAR_GET_CODE_MEANING,
 * UAR_GET_CODE_DESCRIPTION, UAR_GET_CODE_BY and CNVTALIAS. A null argument gives a null result.
 */
final class CclFunctions {

  private CclFunctions() {}

  static final Set<String> NAMES =
      Set.of(
          "CNVTUPPER",
          "CNVTLOWER",
          "TRIM",
          "BUILD2",
          "CONCAT",
          "CNVTSTRING",
          "CNVTREAL",
          "CNVTDATETIME",
          "FORMAT",
          "UAR_GET_CODE_DISPLAY",
          "UAR_GET_CODE_MEANING",
          "UAR_GET_CODE_DESCRIPTION",
          "UAR_GET_CODE_BY",
          "CNVTALIAS");

  static Compiled compile(Expr.Call call, List<Compiled> args, RunContext run) throws CclException {
    Pos pos = call.pos();
    Compiled[] a = args.toArray(Compiled[]::new);
    String name = call.function();
    return switch (name) {
      case "CNVTUPPER", "CNVTLOWER" -> {
        expect(call, args, CclType.VC);
        boolean upper = name.equals("CNVTUPPER");
        yield string(
            v -> upper ? s(v[0]).toUpperCase(Locale.ROOT) : s(v[0]).toLowerCase(Locale.ROOT), a);
      }
      case "TRIM" -> trim(call, args);
      case "BUILD2", "CONCAT" -> {
        if (args.isEmpty()) {
          throw arity(call, "at least one argument");
        }
        yield Compiled.of(CclType.VC, CclFunctions::concatenate, a);
      }
      case "CNVTSTRING" -> {
        expect(call, args, CclType.F8);
        yield string(v -> Values.text(v[0]), a);
      }
      case "CNVTREAL" -> {
        expect(call, args, CclType.VC);
        yield Compiled.of(CclType.F8, v -> v[0] == null ? null : real(s(v[0]), pos), a);
      }
      case "CNVTDATETIME" -> dateTime(call, args);
      case "FORMAT" -> format(call, args);
      case "UAR_GET_CODE_DISPLAY", "UAR_GET_CODE_MEANING", "UAR_GET_CODE_DESCRIPTION" -> {
        expect(call, args, CclType.F8);
        yield string(
            v -> codeText(name, run.codes().find(((Double) v[0]).longValue()).orElse(null)), a);
      }
      case "UAR_GET_CODE_BY" -> {
        expect(call, args, CclType.VC, CclType.F8, CclType.VC);
        yield Compiled.of(CclType.F8, v -> codeBy(v, run), a);
      }
      case "CNVTALIAS" -> {
        expect(call, args, CclType.VC, CclType.F8);
        yield string(v -> s(v[0]), a);
      }
      default -> throw CclException.unsupported(pos, "function " + name);
    };
  }

  private interface Text {
    String apply(Object[] values) throws CclException;
  }

  /** A VC function that is null when its first argument is. */
  private static Compiled string(Text body, Compiled... args) {
    return Compiled.of(CclType.VC, v -> v[0] == null ? null : body.apply(v), args);
  }

  private static String s(Object value) {
    return (String) value;
  }

  private static Compiled trim(Expr.Call call, List<Compiled> args) throws CclException {
    if (args.size() == 2) {
      expect(call, args, CclType.VC, CclType.F8);
    } else {
      expect(call, args, CclType.VC);
    }
    Pos pos = call.pos();
    return string(
        v -> {
          double option = v.length > 1 && v[1] != null ? (Double) v[1] : 0;
          if (option == 0) {
            return s(v[0]).stripTrailing();
          }
          if (option == 3) {
            return s(v[0]).strip();
          }
          throw new CclException(
              CclException.Kind.UNSUPPORTED, pos, "TRIM option " + Values.text(option));
        },
        args.toArray(Compiled[]::new));
  }

  private static String concatenate(Object[] values) {
    StringBuilder text = new StringBuilder();
    for (Object value : values) {
      text.append(value instanceof Instant at ? CclDates.iso(at) : Values.text(value));
    }
    return text.toString();
  }

  private static Double real(String text, Pos pos) throws CclException {
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new CclException(
          CclException.Kind.EXECUTION, pos, "CNVTREAL got a string that is not a number");
    }
  }

  private static Compiled dateTime(Expr.Call call, List<Compiled> args) throws CclException {
    Pos pos = call.pos();
    Compiled[] a = args.toArray(Compiled[]::new);
    if (args.size() == 1 && args.get(0).type() == CclType.DQ8) {
      return a[0];
    }
    if (args.size() == 1) {
      expect(call, args, CclType.VC);
      return Compiled.of(
          CclType.DQ8,
          v -> {
            if (v[0] == null) {
              return null;
            }
            Instant at = CclDates.parse(s(v[0]));
            if (at == null) {
              throw new CclException(
                  CclException.Kind.EXECUTION,
                  pos,
                  "CNVTDATETIME cannot read its argument (expected DD-MMM-YYYY [HH:MM[:SS]])");
            }
            return at;
          },
          a);
    }
    if (args.size() == 2 && args.get(1).type() == CclType.TM) {
      expect(call, args, CclType.DQ8, CclType.TM);
      return Compiled.of(
          CclType.DQ8, v -> v[0] == null ? null : CclDates.at((Instant) v[0], (LocalTime) v[1]), a);
    }
    expect(call, args, CclType.DQ8, CclType.F8);
    return Compiled.of(
        CclType.DQ8,
        v -> {
          LocalTime time = v[1] == null ? null : CclDates.hhmm((Double) v[1]);
          if (time == null) {
            throw new CclException(
                CclException.Kind.EXECUTION, pos, "CNVTDATETIME needs a time HHMM from 0 to 2359");
          }
          return v[0] == null ? null : CclDates.at((Instant) v[0], time);
        },
        a);
  }

  private static Compiled format(Expr.Call call, List<Compiled> args) throws CclException {
    if (args.size() == 2 && args.get(0).type() != CclType.DQ8) {
      throw CclException.unsupported(
          call.pos(), "FORMAT of a " + args.get(0).type() + " (date masks only)");
    }
    expect(call, args, CclType.DQ8, CclType.VC);
    Pos pos = call.pos();
    return string(
        v -> {
          String text = v[1] == null ? null : CclDates.format((Instant) v[0], s(v[1]));
          if (text == null) {
            throw CclException.unsupported(pos, "FORMAT mask (date masks of YYYY MM DD HH MM SS)");
          }
          return text;
        },
        args.toArray(Compiled[]::new));
  }

  private static String codeText(String function, CodeValue code) {
    if (code == null) {
      return "";
    }
    String text =
        switch (function) {
          case "UAR_GET_CODE_MEANING" -> code.meaning();
          default -> code.display();
        };
    return text == null ? "" : text;
  }

  private static Object codeBy(Object[] v, RunContext run) {
    if (v[0] == null || v[1] == null || v[2] == null) {
      return null;
    }
    int codeSet = ((Double) v[1]).intValue();
    return run.codes()
        .findBy(s(v[0]), codeSet, s(v[2]))
        .map(code -> TableRows.num(code.value()))
        .orElse(-1d);
  }

  private static void expect(Expr.Call call, List<Compiled> args, CclType... types)
      throws CclException {
    if (args.size() != types.length) {
      throw arity(call, types.length + (types.length == 1 ? " argument" : " arguments"));
    }
    for (int i = 0; i < types.length; i++) {
      CclType type = args.get(i).type();
      if (type != types[i] && type != CclType.NULL) {
        throw CclException.semantic(
            call.args().get(i).pos(),
            call.function() + " argument " + (i + 1) + " must be " + types[i] + ", not " + type);
      }
    }
  }

  private static CclException arity(Expr.Call call, String needed) {
    return CclException.semantic(call.pos(), call.function() + " takes " + needed);
  }
}
