//! The main navigation each role sees, in its order. Each context contributes its entries
//! (deciding through `access/`); every page shows the actor's work first, then the pages
//! anyone may consult.

use crate::helpers::TestApp;

/// What anyone may consult, after the actor's work.
const PUBLIC: [&str; 11] = [
    "/standards",
    "/mandatory",
    "/provinces",
    "/licences",
    "/lead-times",
    "/track",
    "/labs",
    "/supervision/unsafe",
    "/supervision/figures",
    "/complaints/new",
    "/api/docs",
];

/// The main navigation's links of a page: (href, label, current).
fn main_nav(html: &str) -> Vec<(String, String, bool)> {
    let Some(start) = html.find("<nav aria-label=") else {
        panic!("no main navigation in {html}");
    };
    let end = start + html[start..].find("</nav>").expect("end of the navigation");
    html[start..end]
        .split("<a href=\"")
        .skip(1)
        .map(|a| {
            let href = a.split('"').next().unwrap_or_default().to_string();
            let tag_end = a.find('>').unwrap_or_default();
            let label = a[tag_end + 1..].split('<').next().unwrap_or_default();
            let current = a[..tag_end].contains("aria-current=\"page\"");
            (href, label.to_string(), current)
        })
        .collect()
}

async fn nav_of(app: &TestApp, who: Option<&str>, path: &str) -> Vec<(String, String, bool)> {
    let client = match who {
        Some(email) => app.login(email).await,
        None => app.browser(),
    };
    let res = client
        .get(app.url(&format!("{path}?lang=en")))
        .send()
        .await
        .expect("page");
    assert_eq!(res.status(), 200, "{path} for {who:?}");
    main_nav(&res.text().await.expect("html"))
}

fn hrefs(nav: &[(String, String, bool)]) -> Vec<&str> {
    nav.iter().map(|(h, _, _)| h.as_str()).collect()
}

#[tokio::test]
async fn each_role_sees_its_work_first_then_what_anyone_may_consult() {
    let app = TestApp::spawn().await;
    app.world().await;
    let cases: [(Option<&str>, &[&str]); 8] = [
        (None, &[]),
        (
            Some("lab@t.test"),
            &["/test-requests", "/accreditations", "/instruments"],
        ),
        (
            Some("unit@t.test"),
            &[
                "/units",
                "/cases",
                "/regulations",
                "/applications",
                "/test-requests",
                "/quality",
                "/quality/advice",
                "/quality/compliance",
                "/supervision/inspections",
                "/supervision/clinics",
            ],
        ),
        (
            Some("agency@t.test"),
            &["/units", "/cases", "/resolutions", "/regulations"],
        ),
        (
            Some("inspector@t.test"),
            &[
                "/units",
                "/cases",
                "/regulations",
                "/applications",
                "/test-requests",
                "/accreditations",
                "/quality",
                "/quality/queue",
                "/quality/compliance",
                "/supervision/risk",
                "/supervision/inspections",
                "/supervision/complaints",
                "/supervision/clinics",
            ],
        ),
        (
            Some("qazvin@t.test"),
            &[
                "/units",
                "/cases",
                "/resolutions",
                "/meetings",
                "/regulations",
                "/applications",
                "/test-requests",
                "/accreditations",
                "/quality",
                "/quality/queue",
                "/quality/compliance",
                "/supervision/risk",
                "/supervision/inspections",
                "/supervision/complaints",
                "/supervision/clinics",
            ],
        ),
        (
            Some("admin@t.test"),
            &[
                "/units",
                "/cases",
                "/resolutions",
                "/meetings",
                "/regulations",
                "/applications",
                "/permit-types",
                "/test-requests",
                "/accreditations",
                "/quality",
                "/quality/queue",
                "/quality/thresholds",
                "/quality/compliance",
                "/supervision/risk",
                "/supervision/inspections",
                "/supervision/complaints",
                "/supervision/clinics",
                "/calendar",
            ],
        ),
        (
            Some("alborz@t.test"),
            &[
                "/units",
                "/cases",
                "/resolutions",
                "/meetings",
                "/regulations",
                "/applications",
                "/test-requests",
                "/accreditations",
                "/quality",
                "/quality/queue",
                "/quality/compliance",
                "/supervision/risk",
                "/supervision/inspections",
                "/supervision/complaints",
                "/supervision/clinics",
            ],
        ),
    ];
    for (who, work) in cases {
        let nav = nav_of(&app, who, "/standards").await;
        let expected: Vec<&str> = work.iter().copied().chain(PUBLIC).collect();
        assert_eq!(hrefs(&nav), expected, "navigation of {who:?}");
    }
}

#[tokio::test]
async fn a_unit_user_finds_my_unit_where_others_find_the_units() {
    let app = TestApp::spawn().await;
    app.world().await;
    let unit = nav_of(&app, Some("unit@t.test"), "/standards").await;
    assert_eq!(unit[0].1, "My unit");
    let officer = nav_of(&app, Some("qazvin@t.test"), "/standards").await;
    assert_eq!(officer[0].1, "Production units");
}

#[tokio::test]
async fn the_current_page_and_its_subpages_are_marked() {
    let app = TestApp::spawn().await;
    app.world().await;
    let marked = |nav: &[(String, String, bool)]| -> Vec<String> {
        nav.iter()
            .filter(|(_, _, current)| *current)
            .map(|(h, _, _)| h.clone())
            .collect()
    };
    let on_list = nav_of(&app, Some("qazvin@t.test"), "/units").await;
    assert_eq!(marked(&on_list), ["/units"]);
    let on_new = nav_of(&app, Some("qazvin@t.test"), "/units/new").await;
    assert_eq!(marked(&on_new), ["/units"]);
    // The quality pages (issue 20) under `/quality`: the list's entry stays marked.
    for path in ["/quality", "/quality/new", "/quality/upload"] {
        let on_quality = nav_of(&app, Some("unit@t.test"), path).await;
        assert_eq!(marked(&on_quality), ["/quality"], "{path}");
    }
    // The compliance summary within it is marked alone.
    let on_compliance = nav_of(&app, Some("qazvin@t.test"), "/quality/compliance").await;
    assert_eq!(marked(&on_compliance), ["/quality/compliance"]);
    let on_docs = nav_of(&app, None, "/api/docs").await;
    assert_eq!(marked(&on_docs), ["/api/docs"]);
}
