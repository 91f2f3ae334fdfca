package org.privacysite.internal.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small, realistic multilingual policy as another tool would have published it: one document in
 * en, fr, de, ar and ja as Jekyll/Hugo Markdown (kramdown ids, front matter, a byte-order mark and
 * CRLF line endings), with a hand-written table of contents. Planted: de lacks the "usage data"
 * section, ar has an extra "cookies" section. The same text is used by the HTML and Word versions.
 */
final class ImportCorpus {

    static final String EN = """
            ---
            layout: page
            title: Privacy Policy
            permalink: /privacy/
            ---
            # Privacy Policy

            Effective March 10, 2022

            This policy explains how Kestrel Networks Limited handles your personal data when you use Kestrel VPN.

            ## Contents

            - [Who we are](#who-we-are)
            - [Data we collect](#data-we-collect)
              - [Account data](#account-data)
              - [Usage data](#usage-data)
            - [How long we keep data](#retention)
            - [Your rights](#your-rights)
            - [Contact us](#contact)

            ## 1. Who we are
            {: #who-we-are}

            Kestrel Networks Limited, 14 Harcourt Street, Dublin 2, is the controller of your personal data.

            ## 2. Data we collect
            {: #data-we-collect}

            We collect only the data we need to run the service, and keep it only as long as set out in [How long we keep data](#retention).

            ### 2.1 Account data
            {: #account-data}

            - your e-mail address;
            - your plan and its renewal date.

            ### 2.2 Usage data
            {: #usage-data .note}

            We count connections per server every 15 minutes. Our e-mail templates use placeholders such as {name}.

            ## 3. How long we keep data
            {: #retention}

            | Data | How long |
            | --- | --- |
            | Account data | 30 days after you close your account |
            | Invoices | 7 years |

            ## 4. Your rights
            {: #your-rights}

            You can ask for a copy of your data at <https://kestrel.example/rights>. We answer within 30 days.

            ## 5. Contact us
            {: #contact}

            Write to [privacy@kestrel.example](mailto:privacy@kestrel.example) or call +353 1 555 0142.

            Last updated: 2024-05-01
            """;

    static final String FR = """
            ---
            title: Politique de confidentialité
            lang: fr
            ---
            # Politique de confidentialité

            En vigueur le 10 mars 2022

            Cette politique explique comment Kestrel Networks Limited traite vos données personnelles lorsque vous utilisez Kestrel VPN.

            - [Qui sommes-nous](#who-we-are)
            - [Données que nous collectons](#data-we-collect)
              - [Données de compte](#account-data)
              - [Données d'utilisation](#usage-data)
            - [Durée de conservation](#retention)
            - [Vos droits](#your-rights)
            - [Nous contacter](#contact)

            ## 1. Qui sommes-nous
            {: #who-we-are}

            Kestrel Networks Limited, 14 Harcourt Street, Dublin 2, est le responsable du traitement de vos données personnelles.

            ## 2. Données que nous collectons
            {: #data-we-collect}

            Nous ne collectons que les données nécessaires au service et ne les conservons que pendant la [durée de conservation](#retention).

            ### 2.1 Données de compte
            {: #account-data}

            - votre adresse e-mail ;
            - votre formule et sa date de renouvellement.

            ### 2.2 Données d'utilisation
            {: #usage-data}

            Nous comptons les connexions par serveur toutes les 15 minutes. Nos modèles d'e-mail utilisent des variables comme {name}.

            ## 3. Durée de conservation
            {: #retention}

            | Données | Durée |
            | --- | --- |
            | Données de compte | 30 jours après la fermeture du compte |
            | Factures | 7 ans |

            ## 4. Vos droits
            {: #your-rights}

            Vous pouvez demander une copie de vos données sur <https://kestrel.example/rights>. Nous répondons sous 30 jours.

            ## 5. Nous contacter
            {: #contact}

            Écrivez à [privacy@kestrel.example](mailto:privacy@kestrel.example) ou appelez le +353 1 555 0142.

            Dernière mise à jour : 1er mai 2024
            """;

    /** No ids (GitHub-style anchors), a table of contents under "Inhalt", and no "usage data" section. */
    static final String DE = """
            # Datenschutzerklärung

            Gültig ab 10. März 2022

            Diese Erklärung beschreibt, wie die Kestrel Networks Limited Ihre personenbezogenen Daten verarbeitet, wenn Sie Kestrel VPN nutzen.

            ## Inhalt

            - [Wer wir sind](#1-wer-wir-sind)
            - [Welche Daten wir erheben](#2-welche-daten-wir-erheben)
              - [Kontodaten](#21-kontodaten)
            - [Speicherdauer](#3-speicherdauer)
            - [Ihre Rechte](#4-ihre-rechte)
            - [Kontakt](#5-kontakt)

            ## 1. Wer wir sind

            Die Kestrel Networks Limited, 14 Harcourt Street, Dublin 2, ist die Verantwortliche für Ihre personenbezogenen Daten.

            ## 2. Welche Daten wir erheben

            Wir erheben nur die Daten, die wir für den Dienst brauchen, und speichern sie nur so lange wie unter [Speicherdauer](#3-speicherdauer) beschrieben.

            ### 2.1 Kontodaten

            - Ihre E-Mail-Adresse;
            - Ihr Tarif und sein Verlängerungsdatum.

            ## 3. Speicherdauer

            | Daten | Dauer |
            | --- | --- |
            | Kontodaten | 30 Tage nach Schließung Ihres Kontos |
            | Rechnungen | 7 Jahre |

            ## 4. Ihre Rechte

            Sie können unter <https://kestrel.example/rights> eine Kopie Ihrer Daten verlangen. Wir antworten innerhalb von 30 Tagen.

            ## 5. Kontakt

            Schreiben Sie an [privacy@kestrel.example](mailto:privacy@kestrel.example) oder rufen Sie +353 1 555 0142 an.

            Stand: 1. Mai 2024
            """;

    /** Right-to-left, no ids, and an extra section (4, cookies) that the source does not have. */
    static final String AR = """
            # سياسة الخصوصية

            تاريخ السريان: 2022-03-10

            توضح هذه السياسة كيف تعالج Kestrel Networks Limited بياناتك الشخصية عند استخدامك Kestrel VPN.

            ## 1. من نحن

            Kestrel Networks Limited، 14 Harcourt Street، Dublin 2، هي المسؤولة عن بياناتك الشخصية.

            ## 2. البيانات التي نجمعها

            نجمع فقط البيانات التي نحتاجها لتشغيل الخدمة، ونحتفظ بها فقط للمدة المبينة في [مدة الاحتفاظ](#3-مدة-الاحتفاظ).

            ### 2.1 بيانات الحساب

            - عنوان بريدك الإلكتروني؛
            - خطتك وتاريخ تجديدها.

            ### 2.2 بيانات الاستخدام

            نحسب الاتصالات لكل خادم كل 15 دقيقة. تستخدم قوالب البريد الإلكتروني لدينا متغيرات مثل {name}.

            ## 3. مدة الاحتفاظ

            | البيانات | المدة |
            | --- | --- |
            | بيانات الحساب | 30 يومًا بعد إغلاق حسابك |
            | الفواتير | 7 سنوات |

            ## 4. ملفات تعريف الارتباط

            نستخدم ملفات تعريف الارتباط الضرورية فقط لإبقائك مسجلًا للدخول.

            ## 5. حقوقك

            يمكنك طلب نسخة من بياناتك على <https://kestrel.example/rights>. نرد خلال 30 يومًا.

            ## 6. اتصل بنا

            راسلنا على [privacy@kestrel.example](mailto:privacy@kestrel.example) أو اتصل على +353 1 555 0142.

            آخر تحديث: 2024-05-01
            """;

    /** Hugo: TOML front matter with the title, {#id} on the headings, "第1条" numbering. */
    static final String JA = """
            +++
            title = "プライバシーポリシー"
            +++

            2022年3月10日施行

            本ポリシーは、Kestrel Networks LimitedがKestrel VPNのご利用に際して個人データをどのように取り扱うかを説明します。

            ## 第1条 当社について {#who-we-are}

            Kestrel Networks Limited（14 Harcourt Street, Dublin 2）が個人データの管理者です。

            ## 第2条 収集するデータ {#data-we-collect}

            当社はサービスの提供に必要なデータのみを収集し、[保存期間](#retention)に定める期間のみ保存します。

            ### 2.1 アカウントデータ {#account-data}

            - メールアドレス
            - ご契約プランとその更新日

            ### 2.2 利用データ {#usage-data}

            当社はサーバーごとの接続数を15分ごとに集計します。メールのテンプレートでは{name}のような変数を使用します。

            ## 第3条 保存期間 {#retention}

            | データ | 期間 |
            | --- | --- |
            | アカウントデータ | アカウント解約後30日間 |
            | 請求書 | 7年間 |

            ## 第4条 お客様の権利 {#your-rights}

            <https://kestrel.example/rights> からデータのコピーを請求できます。30日以内に回答します。

            ## 第5条 お問い合わせ {#contact}

            [privacy@kestrel.example](mailto:privacy@kestrel.example) までメールいただくか、+353 1 555 0142 までお電話ください。

            最終更新日：2024年5月1日
            """;


    /** A saved page: site header and navigation, a cookie banner with its script, a footer; the policy in {@code <main>}. */
    static String html(String lang, String title, String updated, String intro, String[] headings, String[] paragraphs,
                       String cookiesLink) {
        return """
                <!DOCTYPE html>
                <html lang="%1$s">
                <head><meta charset="utf-8"><title>%2$s | Kestrel VPN</title>
                <meta name="description" content="%2$s of Kestrel VPN.">
                <script>window.dataLayer = [];</script>
                <style>body { font-family: sans-serif; }</style></head>
                <body onload="track()">
                <header class="site-header"><a href="/">Kestrel VPN</a>
                  <nav><ul><li><a href="/pricing">Pricing</a></li><li><a href="/blog">Blog</a></li></ul></nav></header>
                <div id="cookie-banner" class="cookie-consent"><p>We use cookies.</p>
                  <button onclick="accept()">Accept</button><button onclick="reject()">Reject</button></div>
                <main id="content">
                  <article>
                    <h1>%2$s</h1>
                    <p class="updated"><em>%3$s</em></p>
                    <p>%4$s</p>
                    <section id="who-we-are"><h2>1. %5$s</h2>
                      <p onclick="evil()">%9$s <a href="javascript:alert(1)">Kestrel</a></p></section>
                    <h2 id="data">2. %6$s</h2>
                    <p>%10$s <a href="#keep">%8$s</a>.</p>
                    <ul><li><strong>%11$s</strong> <img src="x" onerror="alert(1)" alt=""></li><li>%12$s
                      <ul><li><a href="mailto:privacy@kestrel.example">privacy@kestrel.example</a></li></ul></li></ul>
                    <h2><a id="keep"></a>3. %8$s</h2>
                    <table><thead><tr><th>%13$s</th><th>%14$s</th></tr></thead>
                      <tbody><tr><td>%15$s</td><td>30</td></tr><tr><td>%16$s</td><td>7</td></tr></tbody></table>
                    <h3 id="cookies-section">3.1 %7$s</h3>
                    <p>%17$s <a href="%18$s">%7$s</a>.</p>
                    <script>document.write('<p>injected</p>');</script>
                  </article>
                </main>
                <footer class="site-footer"><p>© 2024 Kestrel Networks Limited</p><a href="/imprint">Imprint</a></footer>
                <script src="https://tracker.example/t.js"></script>
                </body></html>
                """.formatted(lang, title, updated, intro, headings[0], headings[1], headings[2], headings[3],
                paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3], paragraphs[4], paragraphs[5], paragraphs[6],
                paragraphs[7], paragraphs[8], cookiesLink);
    }

    /** The HTML version: {@code privacy.<locale>.html} and {@code cookies.<locale>.html} for en and fr. */
    static Path writeHtml(Path source) throws IOException {
        Files.createDirectories(source);
        Files.writeString(source.resolve("privacy.en.html"), html("en", "Privacy Policy", "Last updated: May 1, 2024",
                "This policy explains how we handle your personal data.",
                new String[] {"Who we are", "Data we collect", "Cookies", "How long we keep data"},
                new String[] {"We are", "We collect", "Account data", "Support requests", "Data", "Years", "Accounts", "Invoices",
                        "See also"}, "cookies.en.html#managing-cookies"));
        Files.writeString(source.resolve("privacy.fr.html"), html("fr", "Politique de confidentialité",
                "Dernière mise à jour : 1er mai 2024", "Cette politique explique comment nous traitons vos données.",
                new String[] {"Qui sommes-nous", "Données collectées", "Cookies", "Durée de conservation"},
                new String[] {"Nous sommes", "Nous collectons", "Données de compte", "Demandes d'assistance", "Données", "Années",
                        "Comptes", "Factures", "Voir aussi"}, "cookies.fr.html#gerer-les-cookies"));
        Files.writeString(source.resolve("cookies.en.html"), """
                <html lang="en"><head><title>Cookie Policy</title></head><body><main>
                <h1>Cookie Policy</h1><p>Last updated: 2024-05-01</p>
                <h2 id="what">What cookies are</h2><p>Small files. Our <a href="privacy.en.html#keep">retention periods</a> apply.</p>
                <h2 id="managing-cookies">Managing cookies</h2><p>Use your browser settings.</p>
                </main></body></html>
                """);
        Files.writeString(source.resolve("cookies.fr.html"), """
                <html lang="fr"><head><title>Politique relative aux cookies</title></head><body><main>
                <h1>Politique relative aux cookies</h1><p>Dernière mise à jour : 2024-05-01</p>
                <h2 id="quoi">Ce que sont les cookies</h2><p>De petits fichiers. Nos <a href="privacy.fr.html#keep">durées de conservation</a> s'appliquent.</p>
                <h2 id="gerer-les-cookies">Gérer les cookies</h2><p>Utilisez les réglages de votre navigateur.</p>
                </main></body></html>
                """);
        return source;
    }

    private ImportCorpus() {
    }

    /** Writes {@code <locale>/privacy.md} for the five locales, each with a BOM and CRLF line endings. */
    static Path writeMarkdown(Path source) throws IOException {
        markdown(source.resolve("en/privacy.md"), EN);
        markdown(source.resolve("fr/privacy.md"), FR);
        markdown(source.resolve("de/privacy.md"), DE);
        markdown(source.resolve("ar/privacy.md"), AR);
        markdown(source.resolve("ja/privacy.md"), JA);
        return source;
    }

    static void markdown(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
