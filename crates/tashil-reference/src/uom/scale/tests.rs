use super::*;
use crate::uom::UOMS;

fn c(value: f64, from: &str, to: &str) -> f64 {
    convert(value, from, to).unwrap_or_else(|| panic!("{from} -> {to}"))
}

#[test]
fn every_unit_has_a_scale() {
    let missing: Vec<_> = UOMS
        .iter()
        .filter(|u| scale(u.code).is_none())
        .map(|u| u.code)
        .collect();
    assert!(missing.is_empty(), "units without a scale: {missing:?}");
}

#[test]
fn every_unit_converts_to_itself_unchanged() {
    for u in UOMS {
        assert_eq!(convert(0.1, u.code, u.code), Some(0.1), "{}", u.code);
        assert_eq!(
            convert_interval(0.1, u.code, u.code),
            Some(0.1),
            "{}",
            u.code
        );
    }
}

#[test]
fn mass_length_and_volume() {
    // 1500 g ÷ 1000 g/kg = 1.5 kg
    assert_eq!(c(1500.0, "GRM", "KGM"), 1.5);
    // 0.25 kg × 1000 = 250 g
    assert_eq!(c(0.25, "KGM", "GRM"), 250.0);
    // 2 t × 1000 kg/t × 10⁶ mg/kg = 2 × 10⁹ mg
    assert_eq!(c(2.0, "TNE", "MGM"), 2.0e9);
    // 3 µg = 3 × 10⁻³ mg
    assert_eq!(c(3.0, "MC", "MGM"), 0.003);
    // 12.5 mm ÷ 10 mm/cm = 1.25 cm
    assert_eq!(c(12.5, "MMT", "CMT"), 1.25);
    // 0.5 l = 500 ml = 500 cm³
    assert_eq!(c(0.5, "LTR", "MLT"), 500.0);
    assert_eq!(c(500.0, "MLT", "CMQ"), 500.0);
}

#[test]
fn pressure_force_and_speed() {
    // 1.2 MPa × 1000 kPa/MPa = 1200 kPa
    assert_eq!(c(1.2, "MPA", "KPA"), 1200.0);
    // 350 kPa ÷ 1000 = 0.35 MPa
    assert_eq!(c(350.0, "KPA", "MPA"), 0.35);
    // 2.5 bar × 10⁵ Pa/bar ÷ 10⁶ Pa/MPa = 0.25 MPa
    assert_eq!(c(2.5, "BAR", "MPA"), 0.25);
    // 4.2 kN = 4200 N
    assert_eq!(c(4.2, "B47", "NEW"), 4200.0);
    // 90 km/h × 1000 m/km ÷ 3600 s/h = 25 m/s
    assert_eq!(c(90.0, "KMH", "MTS"), 25.0);
    // 2 l/min × 60 min/h = 120 l/h
    assert_eq!(c(2.0, "L2", "E32"), 120.0);
    // 1.5 kWh × 3.6 × 10⁶ J/kWh = 5.4 × 10⁶ J
    assert_eq!(c(1.5, "KWH", "JOU"), 5.4e6);
}

#[test]
fn temperatures_take_their_offsets() {
    // 25 °C + 273.15 = 298.15 K
    assert_eq!(c(25.0, "CEL", "KEL"), 298.15);
    // 0 K − 273.15 = −273.15 °C
    assert_eq!(c(0.0, "KEL", "CEL"), -273.15);
    // 100 °C: (100 + 273.15) K × 9/5 − 459.67 = 671.67 − 459.67 = 212 °F
    assert_eq!(c(100.0, "CEL", "FAH"), 212.0);
    // 140 °F: (140 + 459.67) × 5/9 = 333.15 K; − 273.15 = 60 °C
    assert_eq!(c(140.0, "FAH", "CEL"), 60.0);
    // −40 °F is −40 °C: (−40 + 459.67) × 5/9 − 273.15 = 233.15 − 273.15
    assert_eq!(c(-40.0, "FAH", "CEL"), -40.0);
    // 32 °F: (32 + 459.67) × 5/9 = 273.15 K
    assert_eq!(c(32.0, "FAH", "KEL"), 273.15);
}

#[test]
fn a_temperature_difference_takes_no_offset() {
    // An uncertainty of 0.5 °C is one of 0.5 K, and of 0.5 × 9/5 = 0.9 °F.
    assert_eq!(convert_interval(0.5, "CEL", "KEL"), Some(0.5));
    assert_eq!(convert_interval(0.5, "CEL", "FAH"), Some(0.9));
    assert_eq!(convert_interval(1.8, "FAH", "KEL"), Some(1.0));
    // Multiplicative units scale the same way for a value and an interval.
    assert_eq!(convert_interval(0.02, "MPA", "KPA"), Some(20.0));
}

#[test]
fn ratios_percent_and_fractions() {
    // 12.5 % ÷ 100 = 0.125 (one)
    assert_eq!(c(12.5, "P1", "C62"), 0.125);
    // 0.03 × 100 = 3 %
    assert_eq!(c(0.03, "C62", "P1"), 3.0);
    // 1 mg/kg = 10⁻⁶ kg/kg = 1 ppm (mass fraction = ratio 10⁻⁶)
    assert_eq!(c(1.0, "NA", "59"), 1.0);
    assert_eq!(c(0.05, "59", "NA"), 0.05);
    // 250 ppm = 250 × 10⁻⁶ = 0.025 % (m/m)
    assert_eq!(c(250.0, "59", "60"), 0.025);
    // 0.2 % (m/m) = 0.002 kg/kg = 2000 mg/kg
    assert_eq!(c(0.2, "60", "NA"), 2000.0);
    // 40 µg/kg ÷ 1000 = 0.04 mg/kg
    assert_eq!(c(40.0, "J33", "NA"), 0.04);
    // A plain percent takes the volume basis of a clause in % vol.
    assert_eq!(c(12.0, "P1", "VP"), 12.0);
}

#[test]
fn concentrations_and_densities() {
    // 1 g/l = 1000 mg/l
    assert_eq!(c(1.0, "GL", "M1"), 1000.0);
    // 5 µg/l ÷ 1000 = 0.005 mg/l
    assert_eq!(c(5.0, "H29", "M1"), 0.005);
    // 0.92 g/cm³ × 1000 = 920 kg/m³
    assert_eq!(c(0.92, "23", "KMQ"), 920.0);
    // 80 g/m² ÷ 1000 = 0.08 kg/m²
    assert_eq!(c(80.0, "GM", "28"), 0.08);
}

#[test]
fn calendar_periods_are_not_days() {
    // 24 months ÷ 12 = 2 years
    assert_eq!(c(24.0, "MON", "ANN"), 2.0);
    // 36 h ÷ 24 = 1.5 d
    assert_eq!(c(36.0, "HUR", "DAY"), 1.5);
    assert_eq!(convert(1.0, "MON", "DAY"), None);
}

#[test]
fn across_quantities_is_refused() {
    for (from, to) in [
        ("GRM", "MTR"),
        ("MPA", "NEW"),
        ("CEL", "P1"),
        ("KGM", "LTR"),
        // Mass and volume fractions need the densities.
        ("60", "VP"),
        ("NA", "VP"),
        // mg/l is a mass per volume; only in water is it near ppm, never equal.
        ("M1", "59"),
        ("M1", "NA"),
        // Real and apparent power (IEC 60050-131).
        ("KWT", "KVA"),
        ("H87", "C62"),
        ("2N", "C62"),
        ("DD", "C62"),
    ] {
        assert_eq!(convert(1.0, from, to), None, "{from} -> {to}");
        assert_eq!(convert(1.0, to, from), None, "{to} -> {from}");
        assert_eq!(convert_interval(1.0, from, to), None, "{from} -> {to}");
        assert!(!convertible(from, to), "{from} -> {to}");
    }
    assert_eq!(convert(1.0, "XYZ", "KGM"), None);
    assert_eq!(convert(1.0, "KGM", ""), None);
}

#[test]
fn codes_are_read_as_uom_reads_them() {
    assert_eq!(convert(1.0, " kgm ", "grm"), Some(1000.0));
    assert!(convertible("mpa", "KPA"));
    assert_eq!(quantity("CEL"), Some(Quantity::Temperature));
    assert_eq!(quantity("NA"), Some(Quantity::MassFraction));
    assert_eq!(quantity("nope"), None);
}

#[test]
fn every_pair_of_a_quantity_goes_there_and_back() {
    for a in UOMS {
        for b in UOMS {
            let Some(there) = convert(3.7, a.code, b.code) else {
                continue;
            };
            let back = convert(there, b.code, a.code).unwrap();
            // Each way is rounded to 12 significant digits of a value that may be far larger
            // (3.7 °F is 257.427777778 K), so a round trip holds to about 1e-9.
            assert!(
                (back - 3.7).abs() <= 1e-9,
                "{} -> {} -> {}: {back}",
                a.code,
                b.code,
                a.code
            );
        }
    }
}

#[test]
fn not_finite_stays_not_finite() {
    assert!(convert(f64::NAN, "GRM", "KGM").unwrap().is_nan());
    assert_eq!(convert(f64::INFINITY, "GRM", "KGM"), Some(f64::INFINITY));
}

#[test]
fn rounding_to_significant_digits() {
    assert_eq!(0.1 + 0.2, 0.30000000000000004);
    assert_eq!(round_significant(1.1 + 2.2, 12), 3.3);
    assert_eq!(round_significant(0.1 + 0.2, 12), 0.3);
    assert_eq!(round_significant(-1234.5678, 6), -1234.57);
    assert_eq!(round_significant(1.0e-300, 12), 1.0e-300);
    let huge = round_significant(1.7e308, 12);
    assert!(
        huge.is_finite() && (huge / 1.7e308 - 1.0).abs() < 1e-12,
        "{huge}"
    );
    assert_eq!(round_significant(0.0, 12), 0.0);
    assert!(round_significant(f64::NAN, 12).is_nan());
}
