//! The sentences a hotline agent reads, in German and English.

use super::{Advice, Finding};
use crate::evidence::ReputationVerdict;
use crate::lang::Lang;
use crate::plan::{Category, CountryCode, Tariff};

impl Finding {
    /// The finding as one or two sentences.
    pub fn message(&self, lang: Lang) -> String {
        match *self {
            Finding::CallerIdForbidden { category } => lang.pick(
                format!("{} dürfen nach TKG § 120 nie als Anrufernummer angezeigt werden: Die Anzeige war gefälscht oder der Anruf rechtswidrig.", category_plural(category, Lang::De)),
                format!("{} may never be shown as the caller's number (German TKG § 120): the display was spoofed or the call was illegal.", category_plural(category, Lang::En)),
            ),
            Finding::FakeEmergencyCaller => lang.pick(
                "Polizei und Notrufzentralen rufen nie mit 110 oder 112 als Anrufernummer an: typische Masche falscher Polizeibeamter.".to_string(),
                "Police and emergency centres never call with 110 or 112 as caller ID: a typical fake-police scam.".to_string(),
            ),
            Finding::AbolishedRange => lang.pick(
                "Dieser Nummernbereich ist abgeschaltet (0190 seit 31.12.2005): Die Anrufernummer ist gefälscht.".to_string(),
                "This number range has been shut down (0190 since 31 Dec 2005): the caller ID is spoofed.".to_string(),
            ),
            Finding::UnassignedRange => lang.pick(
                "Dieser Nummernbereich ist nicht vergeben: Niemand kann von dieser Nummer anrufen.".to_string(),
                "This number range is not assigned: nobody can call from this number.".to_string(),
            ),
            Finding::NotDiallable => lang.pick(
                "Netzinterne Verkehrslenkungsnummer: erreicht nie einen Endkunden, als Anrufernummer gefälscht.".to_string(),
                "Operator-internal routing number: never reaches an end user; as caller ID it is spoofed.".to_string(),
            ),
            Finding::CallerIdImplausible { category } => lang.pick(
                format!("{} erscheinen normalerweise nicht als Anrufernummer.", category_plural(category, Lang::De)),
                format!("{} do not normally appear as caller ID.", category_plural(category, Lang::En)),
            ),
            Finding::TooShort => lang.pick(
                "Zu wenige Ziffern für diesen Nummernbereich: Tippfehler oder unvollständige Nummer.".to_string(),
                "Too few digits for this number range: a typo or an incomplete number.".to_string(),
            ),
            Finding::TooLong => lang.pick(
                "Zu viele Ziffern für diesen Nummernbereich: Tippfehler oder angehängte Durchwahl.".to_string(),
                "Too many digits for this number range: a typo or an appended extension.".to_string(),
            ),
            Finding::ChargedService { category, tariff } => {
                let price = tariff_text(tariff, lang);
                lang.pick(
                    format!("Kostenpflichtiger Dienst ({}){price}. Kunden nicht zurückrufen lassen.", category_name(category, Lang::De)),
                    format!("Charged service ({}){price}. Customers should not call back.", category_name(category, Lang::En)),
                )
            }
            Finding::WangiriCountry { country } => lang.pick(
                format!("+{} ({}) führt die deutschen Beschwerden über Ping-Anrufe (Wangiri) an: nicht zurückrufen, Rückrufe sind teuer.", country.code, country.name_de),
                format!("+{} ({}) leads German complaints about ping calls (Wangiri): do not call back, call-backs are expensive.", country.code, country.name_en),
            ),
            Finding::BillingBanCountry { country } => lang.pick(
                format!("Für Nummern mit +{} ({}) hat die Bundesnetzagentur schon Rechnungslegungsverbote verhängt.", country.code, country.name_de),
                format!("The Bundesnetzagentur has issued billing bans for numbers with +{} ({}).", country.code, country.name_en),
            ),
            Finding::PriceAnnouncementCountry { country } => lang.pick(
                format!("Anrufe nach +{} ({}) sind so teuer, dass seit 2019 eine kostenlose Preisansage Pflicht ist.", country.code, country.name_de),
                format!("Calls to +{} ({}) are expensive enough that a free price announcement is required since 2019.", country.code, country.name_en),
            ),
            Finding::LookalikeAreaCode { country, area_code, place } => lang.pick(
                format!("Geschrieben als 00{} … sieht die Nummer aus wie die Vorwahl 0{area_code} ({place}), ist aber {}.", country.code, country.name_de),
                format!("Written as 00{} … it looks like the German area code 0{area_code} ({place}) but is {}.", country.code, country.name_en),
            ),
            Finding::InternationalNetwork { country } => lang.pick(
                format!("Internationales Netz ohne Land: {} (+{}). Rückrufe sind meist sehr teuer.", country.name_de, country.code),
                format!("International network without a country: {} (+{}). Call-backs are usually very expensive.", country.name_en, country.code),
            ),
            Finding::Unverified { country } => unverified(country, lang),
            Finding::Geographic { place } => lang.pick(
                format!("Festnetznummer aus {place}."),
                format!("Landline number in {place}."),
            ),
            Finding::Mobile { operator: Some(operator) } => lang.pick(
                format!("Mobilfunknummer, ursprünglich aus dem Netz von {operator} (Nummern können portiert sein)."),
                format!("Mobile number, originally from the {operator} network (numbers may have been ported)."),
            ),
            Finding::Mobile { operator: None } => lang.pick(
                "Mobilfunknummer.".to_string(),
                "Mobile number.".to_string(),
            ),
            Finding::TollFree => lang.pick(
                "Kostenlose Servicenummer (0800).".to_string(),
                "Freephone service number (0800).".to_string(),
            ),
            Finding::SharedCost { tariff } => {
                let price = tariff_text(tariff, lang);
                lang.pick(format!("Servicenummer (0180){price}."), format!("Service number (0180){price}."))
            }
            Finding::Voip => lang.pick(
                "Nationale Teilnehmerrufnummer (032, meist VoIP): an keinen Ort gebunden, leicht zu bekommen.".to_string(),
                "National subscriber number (032, mostly VoIP): not tied to a place, easy to obtain.".to_string(),
            ),
            Finding::PersonalNumber => lang.pick(
                "Persönliche Rufnummer (0700): leitet an beliebige Anschlüsse weiter.".to_string(),
                "Personal number (0700): forwards to any line.".to_string(),
            ),
            Finding::OwnNumber { ref vendor, ref campaign, ref contact } => {
                let campaign = campaign.as_deref().map_or(String::new(), |c| format!(", {c}"));
                let contact = contact.as_deref().map_or(String::new(), |c| format!(" ({c})"));
                lang.pick(
                    format!("Eigene Nummer: registriert für unseren Dienstleister {vendor}{campaign}. Ansprechpartner Vendor-Management{contact}."),
                    format!("Our own number: registered to our vendor {vendor}{campaign}. Vendor management contact{contact}."),
                )
            }
            Finding::OwnNumberOutsideWindow { ref vendor, ref campaign, ref window } => {
                let campaign = campaign.as_deref().map_or(String::new(), |c| format!(", {c}"));
                lang.pick(
                    format!("Für unseren Dienstleister {vendor}{campaign} registriert, aber nur {window}: heute nicht freigegeben."),
                    format!("Registered to our vendor {vendor}{campaign}, but only {window}: not cleared for today."),
                )
            }
            Finding::Blocklisted { ref pattern, ref category, ref note } => {
                let category = category.as_deref().map_or(String::new(), |c| format!(" [{c}]"));
                let note = note.as_deref().map_or(String::new(), |n| format!(": {n}"));
                lang.pick(
                    format!("Auf unserer Sperrliste ({pattern}){category}{note}."),
                    format!("On our block list ({pattern}){category}{note}."),
                )
            }
            Finding::SourceReport { ref source, verdict, ref labels, comments } => {
                let labels = if labels.is_empty() { String::new() } else { format!(" ({labels})") };
                let comments = comments.map_or(String::new(), |n| lang.pick(format!(", {n} Kommentare"), format!(", {n} comments")));
                let (de, en) = match verdict {
                    ReputationVerdict::Spam => ("meldet Spam/Betrug", "reports spam/fraud"),
                    ReputationVerdict::Suspicious => ("meldet Verdacht", "reports it as suspicious"),
                    _ => ("meldet seriös", "reports it as legitimate"),
                };
                lang.pick(format!("{source} {de}{labels}{comments}."), format!("{source} {en}{labels}{comments}."))
            }
            Finding::Allowlisted { ref pattern, ref note, overruled } => {
                let note = note.as_deref().map_or(String::new(), |n| format!(": {n}"));
                lang.pick(
                    format!("Auf unserer Freigabeliste ({pattern}){note}; überstimmt {overruled} Sperreintrag/-einträge."),
                    format!("On our allow list ({pattern}){note}; overrules {overruled} block entr(y/ies)."),
                )
            }
        }
    }
}

fn unverified(country: &CountryCode, lang: Lang) -> String {
    lang.pick(
        format!(
            "Nummer aus {} (+{}): numrep prüft dort bisher nur die Landesvorwahl.",
            country.name_de, country.code
        ),
        format!(
            "Number from {} (+{}): numrep checks only the calling code there so far.",
            country.name_en, country.code
        ),
    )
}

fn tariff_text(tariff: Option<&Tariff>, lang: Lang) -> String {
    tariff.map_or(String::new(), |t| {
        format!(": {}", lang.pick(t.description_de, t.description_en))
    })
}

/// A category's name in running text.
pub fn category_name(category: Category, lang: Lang) -> &'static str {
    let (de, en) = match category {
        Category::FixedLine => ("Festnetz", "landline"),
        Category::Mobile => ("Mobilfunk", "mobile"),
        Category::FixedLineOrMobile => ("Festnetz oder Mobilfunk", "landline or mobile"),
        Category::TollFree => ("kostenlose Servicenummer", "freephone"),
        Category::PremiumRate => ("Premium-Dienst", "premium rate"),
        Category::SharedCost => ("Service-Dienst", "shared cost"),
        Category::PersonalNumber => ("persönliche Rufnummer", "personal number"),
        Category::Voip => (
            "nationale Teilnehmerrufnummer (VoIP)",
            "national subscriber number (VoIP)",
        ),
        Category::Pager => ("Funkruf", "pager"),
        Category::Uan => ("einheitliche Zugangsnummer", "universal access number"),
        Category::Voicemail => ("Mailbox", "voicemail"),
        Category::MassTraffic => (
            "Massenverkehrsnummer (Televoting)",
            "mass traffic (televoting)",
        ),
        Category::DirectoryInquiry => ("Auskunftsdienst", "directory inquiry"),
        Category::Emergency => ("Notruf", "emergency number"),
        Category::SocialService => ("Dienst von sozialem Wert (116)", "social service (116)"),
        Category::Authority => ("Behördenruf 115", "public authority line 115"),
        Category::ShortCode => ("Kurzwahl", "short code"),
        Category::OnlineService => ("Online-Dienst (Einwahl)", "internet dial-in"),
        Category::CarrierSelection => ("Betreiberauswahl (Call-by-Call)", "carrier selection"),
        Category::ClosedUserGroup => (
            "geschlossene Benutzergruppe (VPN)",
            "closed user group (VPN)",
        ),
        Category::NetworkInternal => ("netzinterne Nummer", "network-internal number"),
        Category::TestNumber => ("Testrufnummer", "test number"),
        Category::InternationalNetwork => ("internationales Netz", "international network"),
        Category::Unknown => ("unbekannt", "unknown"),
    };
    lang.pick(de, en)
}

fn category_plural(category: Category, lang: Lang) -> String {
    lang.pick(
        format!("Nummern dieser Art ({})", category_name(category, Lang::De)),
        format!(
            "Numbers of this kind ({})",
            category_name(category, Lang::En)
        ),
    )
}

/// What to tell the customer and whom to involve.
pub fn advice_text(advice: Advice, lang: Lang) -> &'static str {
    match advice {
        Advice::SpoofedCallerId => lang.pick(
            "Dem Kunden sagen: Die angezeigte Nummer war gefälscht, nicht zurückrufen. Gab sich der Anrufer als unser Unternehmen oder Partner aus, an die Sicherheitsabteilung eskalieren; der Kunde kann Rufnummernmissbrauch bei der Bundesnetzagentur melden.",
            "Tell the customer: the number shown was faked; do not call back. If the caller claimed to be us or a partner, escalate to security; the customer can report number misuse to the Bundesnetzagentur.",
        ),
        Advice::VendorManagement => lang.pick(
            "Der Anruf kam von einem unserer beauftragten Callcenter: an das Vendor-Management geben (nicht an die Sicherheit). Dem Kunden sagen, dass wir den Fall mit dem Dienstleister klären.",
            "The call came from one of our contracted call centers: route to vendor management (not security). Tell the customer we will take it up with the vendor.",
        ),
        Advice::KnownBad => lang.pick(
            "Nummer steht auf unserer Sperrliste: Kunden warnen, nicht zurückrufen. Gab sich der Anrufer als unser Unternehmen aus, an die Sicherheitsabteilung eskalieren.",
            "The number is on our block list: warn the customer, do not call back. If the caller claimed to be us, escalate to security.",
        ),
        Advice::ReportedSpam => lang.pick(
            "Bewertungsdienste melden diese Nummer als Spam/Betrug: Kunden warnen, nicht zurückrufen. Gab sich der Anrufer als unser Unternehmen aus, an die Sicherheitsabteilung eskalieren.",
            "Reputation services report this number as spam/fraud: warn the customer, do not call back. If the caller claimed to be us, escalate to security.",
        ),
        Advice::DoNotCallBack => lang.pick(
            "Dem Kunden sagen: nicht zurückrufen, Rückrufe kosten viel Geld. Keine Eskalation nötig, außer der Anrufer gab sich als unser Unternehmen aus.",
            "Tell the customer: do not call back, call-backs cost a lot. No escalation needed unless the caller claimed to be us.",
        ),
        Advice::Verify => lang.pick(
            "Genauer prüfen: Wer hat angerufen, was wurde behauptet? Gab sich der Anrufer als unser Unternehmen aus, mit der Liste unserer Callcenter-Nummern abgleichen und an Vendor-Management oder Sicherheit geben.",
            "Check further: who called, what was claimed? If the caller claimed to be us, compare with our call-center number list and pass to vendor management or security.",
        ),
        Advice::NoConcern => lang.pick(
            "Unauffällige Nummer. Gab sich der Anrufer als unser Unternehmen aus, mit der Liste unserer Callcenter-Nummern abgleichen.",
            "An ordinary number. If the caller claimed to be us, compare with our call-center number list.",
        ),
    }
}

/// The advice's stable code.
pub fn advice_code(advice: Advice) -> &'static str {
    match advice {
        Advice::SpoofedCallerId => "spoofed_caller_id",
        Advice::VendorManagement => "vendor_management",
        Advice::KnownBad => "known_bad",
        Advice::ReportedSpam => "reported_spam",
        Advice::DoNotCallBack => "do_not_call_back",
        Advice::Verify => "verify",
        Advice::NoConcern => "no_concern",
    }
}
