//! What each unit measures and how big it is: a value converts only between units of one
//! quantity, through the quantity's base unit (SI where there is one: metre, kilogram, second,
//! kelvin, pascal, one…).
//!
//! A factor is a fraction of two integers (a gram is 1/1000 kg), so that a conversion between
//! decimal units divides or multiplies once by an exact integer (1500 g is exactly 1.5 kg).
//! Temperatures add an offset first (°C and °F are not proportional to K); a difference of
//! temperatures, and an uncertainty, converts without it ([`convert_interval`]).

use super::uom;

/// The kind of quantity a unit measures. Units convert only within one kind (with the one
/// exception of plain ratios, below).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quantity {
    Length,
    Area,
    Volume,
    Mass,
    /// Seconds to days: fixed lengths.
    Time,
    /// Months and years: calendar periods (12 months are a year; a month is not a number
    /// of days).
    CalendarPeriod,
    Temperature,
    Angle,
    /// A plain ratio: one, percent, part per million. It states no basis, so it converts
    /// to a mass or a volume fraction too (the clause's unit gives the basis: a lab's "ppm"
    /// against a clause in mg/kg is a mass fraction).
    Ratio,
    /// Mass per mass: % (m/m), mg/kg, µg/kg.
    MassFraction,
    /// Volume per volume: % vol. Never a mass fraction: that needs the densities.
    VolumeFraction,
    /// Pieces: a count, not a ratio.
    Count,
    /// Mass per volume: concentrations (mg/l) and densities (g/cm³) alike.
    MassPerVolume,
    MassPerArea,
    /// Mass per length (tex: grams per kilometre of yarn).
    MassPerLength,
    Force,
    ForcePerLength,
    Pressure,
    DynamicViscosity,
    Energy,
    Acceleration,
    Speed,
    VolumeFlow,
    Voltage,
    Current,
    /// Ampere hours (a battery's capacity).
    Charge,
    Resistance,
    ResistancePerLength,
    /// Real power (W). Apparent power (VA) has the same dimension but is kept apart, as
    /// IEC 60050-131 keeps it: a kVA rating is not a kW one.
    Power,
    ApparentPower,
    Frequency,
    Irradiance,
    LuminousFlux,
    LuminousEfficacy,
    Illuminance,
    LuminousIntensity,
    /// Decibels: a logarithmic level, only ever compared with itself.
    SoundLevel,
}

/// A unit's place on its quantity's scale: base = (value + offset) × num / den.
#[derive(Debug, Clone, Copy)]
struct Scale {
    quantity: Quantity,
    num: u64,
    den: u64,
    offset: f64,
}

const fn s(quantity: Quantity, num: u64, den: u64) -> Scale {
    Scale {
        quantity,
        num,
        den,
        offset: 0.0,
    }
}

/// Every unit of [`super::UOMS`] has a scale here (a test holds this, so a new unit needs one).
fn scale(code: &str) -> Option<Scale> {
    use Quantity::*;
    const K: u64 = 1_000;
    const M: u64 = 1_000_000;
    const G: u64 = 1_000_000_000;
    Some(match code {
        "KMT" => s(Length, K, 1),
        "MTR" => s(Length, 1, 1),
        "CMT" => s(Length, 1, 100),
        "MMT" => s(Length, 1, K),
        "4H" => s(Length, 1, M),
        "MTK" => s(Area, 1, 1),
        "MMK" => s(Area, 1, M),
        "MTQ" => s(Volume, 1, 1),
        "LTR" => s(Volume, 1, K),
        "CMQ" | "MLT" => s(Volume, 1, M),
        "MMQ" => s(Volume, 1, G),
        "TNE" => s(Mass, K, 1),
        "KGM" => s(Mass, 1, 1),
        "GRM" => s(Mass, 1, K),
        "MGM" => s(Mass, 1, M),
        "MC" => s(Mass, 1, G),
        "SEC" => s(Time, 1, 1),
        "MIN" => s(Time, 60, 1),
        "HUR" => s(Time, 3_600, 1),
        "DAY" => s(Time, 86_400, 1),
        "MON" => s(CalendarPeriod, 1, 1),
        "ANN" => s(CalendarPeriod, 12, 1),
        "KEL" => s(Temperature, 1, 1),
        // K = °C + 273.15 (BIPM SI Brochure, 9th ed., §2.3.1); °F = °C × 9/5 + 32, so
        // K = (°F + 459.67) × 5/9.
        "CEL" => Scale {
            offset: 273.15,
            ..s(Temperature, 1, 1)
        },
        "FAH" => Scale {
            offset: 459.67,
            ..s(Temperature, 5, 9)
        },
        "DD" => s(Angle, 60, 1),
        "D61" => s(Angle, 1, 1),
        "C62" => s(Ratio, 1, 1),
        "P1" => s(Ratio, 1, 100),
        "59" => s(Ratio, 1, M),
        "60" => s(MassFraction, 1, 100),
        "NA" => s(MassFraction, 1, M),
        "J33" => s(MassFraction, 1, G),
        "VP" => s(VolumeFraction, 1, 100),
        "H87" => s(Count, 1, 1),
        // Base kg/m³: 1 mg/l = 10⁻⁶ kg / 10⁻³ m³ = 10⁻³ kg/m³.
        "KMQ" | "GL" => s(MassPerVolume, 1, 1),
        "M1" => s(MassPerVolume, 1, K),
        "H29" | "GP" => s(MassPerVolume, 1, M),
        "23" => s(MassPerVolume, K, 1),
        "28" => s(MassPerArea, 1, 1),
        "GM" => s(MassPerArea, 1, K),
        // 1 tex = 1 g/km = 10⁻⁶ kg/m.
        "D34" => s(MassPerLength, 1, M),
        "NEW" => s(Force, 1, 1),
        "B47" => s(Force, K, 1),
        "4P" => s(ForcePerLength, 1, 1),
        "F47" => s(ForcePerLength, K, 1),
        "PAL" => s(Pressure, 1, 1),
        "KPA" => s(Pressure, K, 1),
        "BAR" => s(Pressure, 100_000, 1),
        "MPA" => s(Pressure, M, 1),
        "C24" => s(DynamicViscosity, 1, 1),
        "JOU" => s(Energy, 1, 1),
        "KWH" => s(Energy, 3_600_000, 1),
        "MSK" => s(Acceleration, 1, 1),
        "MTS" => s(Speed, 1, 1),
        "C16" => s(Speed, 1, K),
        // 1 km/h = 1000 m / 3600 s.
        "KMH" => s(Speed, 5, 18),
        // Base l/h: 1 l/min = 60 l/h.
        "E32" => s(VolumeFlow, 1, 1),
        "L2" => s(VolumeFlow, 60, 1),
        "VLT" => s(Voltage, 1, 1),
        "KVT" => s(Voltage, K, 1),
        "AMP" => s(Current, 1, 1),
        "4K" => s(Current, 1, K),
        "AMH" => s(Charge, 1, 1),
        "OHM" => s(Resistance, 1, 1),
        "B49" => s(Resistance, K, 1),
        "B75" => s(Resistance, M, 1),
        "F56" => s(ResistancePerLength, 1, 1),
        "WTT" => s(Power, 1, 1),
        "KWT" => s(Power, K, 1),
        "KVA" => s(ApparentPower, 1, 1),
        "HTZ" => s(Frequency, 1, 1),
        "D54" => s(Irradiance, 1, 1),
        "LUM" => s(LuminousFlux, 1, 1),
        "B61" => s(LuminousEfficacy, 1, 1),
        "LUX" => s(Illuminance, 1, 1),
        "CDL" => s(LuminousIntensity, 1, 1),
        "2N" => s(SoundLevel, 1, 1),
        _ => return None,
    })
}

/// The scale of the unit with this code (as [`uom`] reads codes).
fn scale_of(code: &str) -> Option<(&'static str, Scale)> {
    let unit = uom(code)?;
    Some((unit.code, scale(unit.code)?))
}

/// The quantity the unit with this code measures.
pub fn quantity(code: &str) -> Option<Quantity> {
    scale_of(code).map(|(_, s)| s.quantity)
}

fn compatible(a: Quantity, b: Quantity) -> bool {
    use Quantity::*;
    let fraction = |q| matches!(q, MassFraction | VolumeFraction);
    a == b || (a == Ratio && fraction(b)) || (b == Ratio && fraction(a))
}

/// Whether a value in `from` can be stated in `to` (both known, of one quantity).
pub fn convertible(from: &str, to: &str) -> bool {
    matches!((scale_of(from), scale_of(to)), (Some((_, a)), Some((_, b))) if compatible(a.quantity, b.quantity))
}

/// `value` in `from` stated in `to`, or `None` when either code is unknown or the two
/// measure different quantities (grams are never metres). A value that is not finite stays
/// so; the caller refuses it.
///
/// The result is rounded to 12 significant digits, far below any measurement's resolution,
/// so that decimal in gives decimal out: 140 °F is 60 °C, not 60.00000000000001, and a
/// value exactly on a limit stays on it after conversion.
pub fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    convert_with(value, from, to, true)
}

/// A difference between two values (an interval, an uncertainty) in `from` stated in `to`:
/// as [`convert`], without the temperature offsets (a difference of 1 K is one of 1 °C and
/// of 1.8 °F).
pub fn convert_interval(value: f64, from: &str, to: &str) -> Option<f64> {
    convert_with(value, from, to, false)
}

fn convert_with(value: f64, from: &str, to: &str, offsets: bool) -> Option<f64> {
    let (from_code, a) = scale_of(from)?;
    let (to_code, b) = scale_of(to)?;
    if !compatible(a.quantity, b.quantity) {
        return None;
    }
    if from_code == to_code {
        return Some(value);
    }
    // value × (a.num / a.den) / (b.num / b.den), as one reduced fraction n/d.
    let (mut n, mut d) = (
        u128::from(a.num) * u128::from(b.den),
        u128::from(a.den) * u128::from(b.num),
    );
    let g = gcd(n, d);
    (n, d) = (n / g, d / g);
    let (shift_in, shift_out) = if offsets {
        (a.offset, b.offset)
    } else {
        (0.0, 0.0)
    };
    let shifted = value + shift_in;
    let scaled = match (n, d) {
        (n, 1) => shifted * n as f64,
        (1, d) => shifted / d as f64,
        (n, d) => shifted * n as f64 / d as f64,
    };
    Some(round_significant(scaled - shift_out, 12))
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

/// `x` rounded to `digits` significant decimal digits: the decimal a computed float stands
/// for, without the binary noise of the arithmetic (0.1 + 0.2 gives 0.30000000000000004; this
/// gives 0.3). Zero, infinities and NaN are returned as they are.
pub fn round_significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let exponent = x.abs().log10().floor() as i32;
    let shift = digits - 1 - exponent;
    // Scaling by a power of ten the other way when `shift` is negative keeps both factors
    // finite for any finite x.
    let rounded = if shift >= 0 {
        let m = 10f64.powi(shift);
        (x * m).round() / m
    } else {
        let m = 10f64.powi(-shift);
        (x / m).round() * m
    };
    if rounded.is_finite() { rounded } else { x }
}

#[cfg(test)]
mod tests;
