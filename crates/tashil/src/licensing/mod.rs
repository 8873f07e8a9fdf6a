//! Licences and permits: permit types defined as data by the national body, applications
//! moved step by step against working-day deadlines by the office that decides each step,
//! silence as consent, rejections that cite conditions, a fast track earned by quality.

pub mod model;
