"""Phrasing pools for ``cruftgen.py``: the words the cruft and look-alike lines are made of.

Nothing here is executable logic beyond plain data. Every category has a ``dev``, a
``heldout`` and a ``blind`` pool with *different* phrasings (other verbs, formats, separators,
section words, credit styles, outlet names), so that a cleaner tuned on the ``dev`` pool can
be checked for generalisation on ``heldout``. ``blind`` is a third, independent set of
real-world phrasings (including some non-English page furniture) kept for a final check
after both ``dev`` and ``heldout`` misses have been studied: do not tune rules against it.

Template syntax (expanded by ``cruftgen.expand``):

* ``{a|b|c}`` picks one alternative at random (an empty alternative is allowed: ``{|the }``);
  alternatives may nest slots and other alternatives.
* ``{name}`` is a slot filled by ``cruftgen.Slots`` (``person``, ``city``, ``co``, ``pct``, ...).
  Within one line the same slot name always gets the same value; ``person2`` etc. are
  independent draws of the same kind.
"""

from __future__ import annotations

# fmt: off

# --------------------------------------------------------------------------- shared vocabulary

FIRST_NAMES = [
    "Jane", "John", "Maria", "David", "Sarah", "Michael", "Laura", "Peter", "Anna", "James",
    "Elena", "Robert", "Fatima", "Ahmed", "Chen", "Yuki", "Olga", "Carlos", "Priya", "Tom",
    "Lucy", "Daniel", "Sofia", "Mark", "Helen", "Paul", "Nadia", "Kevin", "Rachel", "Omar",
    "Ingrid", "Lars", "Amit", "Grace", "Hugo", "Claire", "Marta", "Simon", "Aisha", "Brian",
    "Karen", "Felix", "Julia", "Victor", "Leila", "Samuel", "Emma", "Noah", "Irene", "Pablo",
    "Dmitry", "Keiko", "Wei", "Giulia", "Tariq", "Hannah", "Oscar", "Beatriz", "Jonas", "Mei",
]
LAST_NAMES = [
    "Smith", "Doe", "Johnson", "Garcia", "Miller", "Nakamura", "Schmidt", "Rossi", "Dubois",
    "Kowalski", "Ivanova", "Okafor", "Haddad", "Singh", "Larsen", "Murphy", "O'Brien", "Chen",
    "Tanaka", "Fischer", "Moreau", "Silva", "Costa", "Novak", "Petrov", "Khan", "Cohen",
    "Lindqvist", "Alvarez", "Brennan", "Whitaker", "Holloway", "Ferreira", "Yamamoto", "Weber",
    "Baptiste", "Mensah", "Goldberg", "Ramirez", "Stewart", "Nguyen", "Park", "Kim", "Lopez",
    "Hartmann", "Bianchi", "Jansen", "Eriksen", "Popescu", "Horvath", "Abadi", "Osei", "Duarte",
    "McAllister", "Fitzgerald", "Sato", "Zhang", "Wright", "Coleman", "Reyes", "Barker", "Quinn",
]
CITIES = [
    "London", "Paris", "Tokyo", "New York", "Washington", "Brussels", "Frankfurt", "Geneva",
    "Moscow", "Beijing", "Hong Kong", "Singapore", "Sydney", "Toronto", "Chicago", "Madrid",
    "Rome", "Vienna", "Stockholm", "Oslo", "Buenos Aires", "Sao Paulo", "Mexico City", "Cairo",
    "Nairobi", "Johannesburg", "Lagos", "Dubai", "Riyadh", "Tehran", "Istanbul", "Athens",
    "Warsaw", "Prague", "Seoul", "Jakarta", "Manila", "Bangkok", "Kuala Lumpur", "Mumbai",
    "New Delhi", "Karachi", "Lima", "Bogota", "Santiago", "Caracas", "Ottawa", "Zurich",
    "Amsterdam", "Lisbon", "Dublin", "Helsinki", "Wellington", "Houston", "Los Angeles",
]
COUNTRIES = {
    "London": "Britain", "Paris": "France", "Tokyo": "Japan", "New York": "U.S.",
    "Washington": "U.S.", "Brussels": "Belgium", "Frankfurt": "Germany", "Geneva": "Switzerland",
    "Moscow": "Russia", "Beijing": "China", "Sydney": "Australia", "Toronto": "Canada",
    "Chicago": "U.S.", "Madrid": "Spain", "Rome": "Italy", "Vienna": "Austria",
    "Stockholm": "Sweden", "Oslo": "Norway", "Buenos Aires": "Argentina", "Sao Paulo": "Brazil",
    "Mexico City": "Mexico", "Cairo": "Egypt", "Nairobi": "Kenya", "Lagos": "Nigeria",
    "Tehran": "Iran", "Istanbul": "Turkey", "Athens": "Greece", "Warsaw": "Poland",
    "Seoul": "South Korea", "Jakarta": "Indonesia", "Manila": "Philippines",
    "Bangkok": "Thailand", "Mumbai": "India", "New Delhi": "India", "Lima": "Peru",
    "Bogota": "Colombia", "Santiago": "Chile", "Ottawa": "Canada", "Zurich": "Switzerland",
    "Amsterdam": "Netherlands", "Lisbon": "Portugal", "Dublin": "Ireland", "Houston": "U.S.",
}
COMPANY_HEADS = [
    "Allied", "Northgate", "Consolidated", "Pacific", "Atlantic", "Meridian", "Harbor",
    "Summit", "Continental", "Keystone", "Pioneer", "Sterling", "Crown", "Union", "Granite",
    "Evergreen", "Bayview", "Redwood", "Ironbridge", "Lakeshore", "Frontier", "Beacon",
    "Westfield", "Cobalt", "Orion", "Hanover", "Caledonian", "Delta", "Vantage", "Sable",
]
COMPANY_TAILS = [
    "Corp", "Inc", "Holdings", "Group", "Industries", "Mining", "Petroleum", "Foods",
    "Steel", "Bancorp", "Chemicals", "Airlines", "Shipping", "Textiles", "Energy",
    "Financial Corp", "Motors", "Paper Co", "Resources Ltd", "Electronics",
]
COMMODITIES = [
    "cocoa", "coffee", "sugar", "wheat", "corn", "soybeans", "crude oil", "copper", "tin",
    "gold", "rubber", "cotton", "palm oil", "aluminium", "zinc", "barley", "rice", "natural gas",
]
AGENCIES = [
    "Agriculture Department", "Commerce Department", "Treasury", "central bank",
    "finance ministry", "Federal Reserve", "Bundesbank", "Securities and Exchange Commission",
    "trade ministry", "statistics office", "energy ministry", "European Commission",
]
JOB_TITLES = [
    "chairman", "spokesman", "spokeswoman", "chief executive", "analyst", "economist",
    "finance director", "trade official", "senior vice president", "union leader", "broker",
]
WIRES = ["Reuters", "The Associated Press", "AFP", "dpa", "Bloomberg", "Xinhua", "Kyodo"]

# Outlet names differ between pools so that a cleaner cannot learn outlet names.
OUTLET_PARTS = {
    "dev": {
        "places": ["Riverside", "Lakeview", "Northfield", "Kingsport", "Ashford", "Carver",
                   "Millbrook", "Eastbay", "Granite City", "Fairhaven", "Brookdale", "Westport"],
        "nouns": ["Herald", "Tribune", "Gazette", "Courier", "Ledger", "Chronicle", "Sentinel",
                  "News", "Star", "Journal", "Times", "Bugle"],
        "forms": ["The {place} {noun}", "{place} {noun}", "The Daily {noun}",
                  "{noun} Online", "{place} News Network"],
    },
    "heldout": {
        "places": ["Harborview", "Oakridge", "Stonebridge", "Pinecrest", "Westmoor", "Bellmont",
                   "Redhill", "Silverlake", "Thornbury", "Copperfield", "Marshgate", "Elmstead"],
        "nouns": ["Dispatch", "Observer", "Monitor", "Post", "Record", "Examiner", "Bulletin",
                  "Register", "Standard", "Mercury", "Telegraph", "Review"],
        "forms": ["The {place} {noun}", "{place} {noun}", "{noun} of {place}",
                  "{place}{noun}", "{place} Public Media", "The {noun} Report"],
    },
    "blind": {
        "places": ["Wexley", "Dunmore", "Carrick", "Bramley", "Tallowood", "Rosedale",
                   "Port Alder", "Maple Ridge", "Coldwater", "Ferndale", "Norbury", "Kestrel Bay"],
        "nouns": ["Advertiser", "Express", "Enquirer", "Globe", "Argus", "Clarion", "Leader",
                  "Citizen", "Sun", "Press", "Echo", "Mail"],
        "forms": ["The {place} {noun}", "{place} {noun}", "{place} Evening {noun}",
                  "{place} Today", "{place} Live", "The {noun}"],
    },
}

# Site section words used in navigation (different vocabularies per pool).
SECTIONS = {
    "dev": ["World", "Business", "Markets", "Sport", "Politics", "Tech", "Opinion",
            "Lifestyle", "Middle East", "Europe", "Americas", "Asia", "Africa", "Economy",
            "News", "Entertainment", "Video", "Weather", "US", "Commodities"],
    "heldout": ["International", "Finance", "Money", "Energy", "Science", "Culture", "Travel",
                "Health", "Climate", "Media", "Investing", "Asia-Pacific", "Latin America",
                "Agriculture", "Trade", "Companies", "Live", "Podcasts", "Features", "Local"],
    "blind": ["National", "UK", "Australia", "India", "Canada", "Sports", "Technology", "Comment",
              "Analysis", "Property", "Personal Finance", "Wealth", "Environment", "Education",
              "Obituaries", "Arts", "Life & Style", "Photos", "Regional", "Wirtschaft", "Motoring",
              "Royals"],
}

# --------------------------------------------------------------------------- cruft: navigation

NAV = {
    "dev": {
        "home": ["Home", "Home", "HOME", "Homepage"],
        "seps": [" > ", " | ", " / ", " > "],
        "single": ["Breadcrumb", "Skip to main content", "Menu", "Search", "Sign in",
                   "Subscribe", "Main menu", "Navigation", "Sections", "Log in",
                   "Edition: {US|UK|International}"],
        "prefix": ["", "", "", "Breadcrumb: ", "You are here: "],
    },
    "heldout": {
        "home": ["Start", "Front page", "Main", "Index", "Top"],
        "seps": [" » ", " › ", " · ", " • ", " → ", " :: "],
        "single": ["Jump to content", "Open navigation", "Close menu", "My account",
                   "Toggle search", "All sections", "Register", "Go to homepage",
                   "Back to top", "Choose your region", "Accessibility help"],
        "prefix": ["", "", "", "Where am I: ", "Path: ", "Current page: "],
    },
    "blind": {
        "home": ["News home", "Latest", "All news", "Newsroom", "News Centre", "Startseite"],
        "seps": [" >> ", " – ", " ❯ ", " ▸ ", " ⟩ ", " - "],
        "single": ["Skip to navigation", "Open side menu", "Search site", "Today's Paper", "ePaper",
                   "My profile", "Subscriber login", "{AU|IN|CA|NZ} edition", "Zum Inhalt springen",
                   "Digital Print Edition", "Notifications", "Close search", "Sign out"],
        "prefix": ["", "", "", "Browse: ", "Sie sind hier: ", "Section: "],
    },
}

# --------------------------------------------------------------------------- cruft: one-liners

SHARE = {
    "dev": [
        "Share this article", "Share this story", "Share on Facebook", "Share on Twitter",
        "Click to copy", "Copy link", "Print", "Save", "Email", "Listen to this article",
        "Share", "Tweet", "Share via Email", "Print this article", "Save article",
        "Listen to this article {n} min", "Share on LinkedIn", "Email this article",
        "Click to share on Facebook", "Click to print", "Save for later", "Share this page",
    ],
    "heldout": [
        "Send to a friend", "Post to X", "Share via WhatsApp", "LinkedIn", "Copy URL",
        "Link copied!", "Print page", "Bookmark", "Add to my reading list", "Gift this article",
        "Play audio", "Listen ({n}:{ss})", "Text size", "Comments ({big})", "Jump to comments",
        "Reddit", "Pin it", "Send by mail", "Forward this story", "Give this article",
        "Copy the address", "Open audio player", "Facebook Messenger", "Telegram", "Flipboard",
        "View comments", "Add to favourites", "Hear this story", "Resize text",
    ],
    "blind": [
        "Share full article", "Share this with", "Share options", "More sharing options",
        "Copy article link", "Copied to clipboard", "Printer-friendly version", "Download PDF",
        "Read later", "Save to My News", "Voiced by artificial intelligence.", "Have your say",
        "{big} shares", "Facebook X WhatsApp Email", "WhatsApp", "Pinterest", "Bluesky", "A- A+",
        "Teilen", "Partager", "Share via SMS", "Embed", "Add a comment", "Email link",
    ],
}

AD = {
    "dev": [
        "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
        "Advertisement - scroll to continue", "Article continues below advertisement",
        "Ad", "Advertisement:", "- Advertisement -", "Story continues below",
        "ADVERTISEMENT - CONTINUE READING BELOW",
    ],
    "heldout": [
        "Sponsored", "SPONSORED CONTENT", "Paid Post", "Promoted content",
        "Content continues after this ad", "Partner content", "Ads by {co}",
        "Scroll to continue with content", "Report this ad", "AD", "— Anzeige —",
        "Sponsored by {co}", "Paid for by {co}", "Promoted Stories", "Ad Feedback",
        "Article resumes after the ad", "From our partners", "Publicité",
    ],
    "blind": [
        "Advertising", "ADVERTISING", "Skip Advertisement", "Advertiser Content From {co}",
        "Presented by {co}", "Brought to you by {co}", "AdChoices", "Why this ad?",
        "Stop seeing this ad", "Recommended by", "Werbung", "Sponsor message", "Close advert",
        "It looks like you're using an ad blocker.", "Remove ads", "Ad closed by Google",
    ],
}

READ_MORE = {
    "dev": [
        "Continue reading", "Read more", "Read more: {headline}", "READ MORE: {headline}",
        "Continue reading the main story", "Read More", "Read the full story",
        "Read more{| here|...|»}", "Read more about {section}", "Continue reading below",
        "Read next: {headline}", "READ MORE",
    ],
    "heldout": [
        "See also: {headline}", "Also read: {headline}", "Keep reading", "Show full article",
        "Expand to read the full story", "Don't miss: {headline}", "MORE: {headline}",
        "RELATED: {headline}", "Recommended: {headline}", "Keep scrolling",
        "Tap to read more", "Load full article", "You might also like: {headline}",
        "Must read: {headline}", "Show more", "Click to expand", "Up next: {headline}",
        "Explore: {headline}",
    ],
    "blind": [
        "Further reading: {headline}", "Go deeper: {headline}", "Catch up: {headline}",
        "WATCH | {headline}", "LISTEN | {headline}", "Full coverage: {headline}",
        "In depth: {headline}", "Explainer: {headline}", "Click here for the full story",
        "View full text", "Lesen Sie auch: {headline}", "À lire aussi : {headline}",
        "Background: {headline}", "Previously: {headline}", "Live updates: {headline}",
    ],
}

NEWSLETTER = {
    "dev": [
        "Sign up for our daily newsletter", "Subscribe to our newsletter",
        "Get our free newsletter", "Sign up for the {outlet} {Morning|Daily|Evening} "
        "{Briefing|Newsletter|Digest}", "Enter your email address", "Sign up",
        "Get the latest headlines delivered to your inbox",
        "Sign up for our {politics|business|markets|world} newsletter",
        "Subscribe to the {outlet} newsletter", "Newsletter sign-up",
        "Sign up for free newsletters and get more {outlet} delivered to your inbox",
        "Subscribe now for unlimited access",
    ],
    "heldout": [
        "Join {big},000 readers who get our morning briefing",
        "Want more stories like this? Register for free.",
        "The {Early Edition|Bottom Line|Week Ahead|Closing Bell}: our editors' picks, "
        "every weekday", "Be the first to know: turn on breaking news alerts",
        "Thanks for signing up!", "By registering you agree to our Terms of Service and "
        "Privacy Policy.", "Never miss a story. Get {outlet} in your inbox",
        "Your email address", "Opt in", "Get smarter about {section} in five minutes a day",
        "Registration is free and takes less than a minute",
        "Stay informed: our briefing lands at {n} a.m.", "Already a subscriber? Log in",
        "Create a free account to keep reading",
    ],
    "blind": [
        "skip past newsletter promotion", "after newsletter promotion",
        "Get {outlet}'s {Breaking News|Markets Wrap|Politics Weekly|Business Brief} email",
        "Your weekday briefing on {section}, from the {outlet} newsroom",
        "You can unsubscribe at any time.", "This site is protected by reCAPTCHA and the Google "
        "Privacy Policy and Terms of Service apply.", "Check your inbox to confirm your "
        "subscription.", "I'd like to receive updates and offers from {outlet}", "Submit",
        "Want the top headlines in your inbox each morning?",
        "Subscribe to the {outlet} podcast on Apple Podcasts or Spotify",
        "Jetzt Newsletter abonnieren", "Manage your email preferences",
        "Privacy Notice: Newsletters may contain info about charities, online ads, and content "
        "funded by outside parties.",
    ],
}

APP = {
    "dev": [
        "Download our app", "Get the {outlet} app", "Download the {outlet} app",
        "Available on the App Store", "Get it on Google Play", "Download our free app",
        "Get our app for iOS and Android", "Download the app",
    ],
    "heldout": [
        "Open in app", "Read this story in the app", "Scan to install the {outlet} app",
        "Try our app for iPhone and iPad", "Continue in app", "Install now for breaking alerts",
        "{outlet} is better in the app", "Switch to the app for a faster experience",
        "New: read offline with our mobile edition",
    ],
    "blind": [
        "Get breaking news alerts on your phone with the {outlet} app", "Explore it on AppGallery",
        "Available for Android and iOS devices", "Read the digital edition on your tablet",
        "Use app", "Listen on the go with the {outlet} app", "Our app is free for subscribers",
        "Try the {outlet} app: news, video and live scores", "Téléchargez l'application {outlet}",
    ],
}

SOCIAL = {
    "dev": [
        "Follow us on Twitter", "Follow us on Facebook", "Like us on Facebook",
        "Follow {outlet} on Twitter: @{handle}", "Follow @{handle}", "Follow us on Instagram",
        "Follow us on Twitter @{handle}", "Follow {outlet} on Facebook and Twitter",
    ],
    "heldout": [
        "Find us on X, Threads and Bluesky", "Join the conversation on Facebook",
        "Stay connected with @{handle}", "Connect with us on LinkedIn", "Watch us on YouTube",
        "Join our WhatsApp channel", "We're on Telegram: t.me/{handle}",
        "@{handle} on all platforms", "Catch us on TikTok", "Subscribe on YouTube",
        "Be part of our community on Mastodon",
    ],
    "blind": [
        "Stay updated with {outlet} on Google News", "Add {outlet} as a preferred source on Google",
        "Keep up with @{handle} on Instagram and TikTok", "Instagram: @{handle} | X: @{handle}",
        "Follow {person} on X", "Get the latest news on Telegram", "Tag us in your photos: #{handle}",
        "Suivez-nous sur X", "Tune in on YouTube: youtube.com/@{handle}",
        "Connect: Facebook · Instagram · X",
    ],
}

DONATE = {
    "dev": [
        "Support independent journalism — donate", "Donate now", "Become a member",
        "Support our journalism", "Support {outlet} — donate today", "Donate",
        "Support independent journalism", "Donate to {outlet}",
    ],
    "heldout": [
        "Chip in ${n} to keep our reporting free",
        "Readers like you make this work possible. Contribute today.",
        "Make a one-time gift", "Become a patron", "Help fund fearless reporting",
        "Give monthly and get ad-free access", "If you value this story, consider a "
        "contribution.", "Back our newsroom from just ${n} a month",
        "Every contribution, big or small, keeps {outlet} free for all",
    ],
    "blind": [
        "Our journalism is funded by readers. Please give what you can.", "Give now",
        "Single | Monthly | Annual", "Double your impact: every gift is matched until {month} {d}",
        "Make a tax-deductible gift to our nonprofit newsroom", "Can you spare ${n} a week?",
        "Jetzt unterstützen", "Pay what you can",
        "{n},000 readers already support us. Join them.",
    ],
}

COOKIE = {
    "dev": [
        "We use cookies to improve your experience on our site. By continuing to browse, you "
        "agree to our use of cookies.", "This website uses cookies.", "Accept all cookies",
        "Cookie settings", "Cookie policy", "Accept", "Manage cookies", "We use cookies",
        "This site uses cookies. By using this site you consent to our use of cookies.",
        "Accept cookies", "Cookie preferences",
    ],
    "heldout": [
        "We and our {big} partners store and access information on your device for "
        "personalised ads and content.", "Your privacy choices", "Reject non-essential",
        "Allow all", "Privacy preference centre", "Consent", "Got it!",
        "This site uses tracking technologies to analyse traffic. Learn more in our privacy "
        "notice.", "Do Not Sell or Share My Personal Information", "Agree and close",
        "Customise choices", "Only necessary", "We value your privacy",
        "Legitimate interest", "Save & exit",
    ],
    "blind": [
        "By clicking \u201cAccept All Cookies\u201d, you agree to the storing of cookies on your "
        "device to enhance site navigation, analyze site usage, and assist in our marketing "
        "efforts.", "With your agreement, we and our partners use cookies or similar technologies "
        "to store, access, and process personal data like your visit on this website.",
        "We use essential cookies to make our site work. With your consent, we may also use "
        "non-essential cookies to improve user experience and analyze website traffic.",
        "Cookies help us deliver our services. You can manage your preferences at any time in "
        "Privacy Settings.", "En poursuivant votre navigation, vous acceptez l'utilisation de "
        "cookies.", "Reject All", "Confirm My Choices", "Show Purposes", "More options",
        "Strictly Necessary Cookies", "Vendor list", "Alle akzeptieren", "Decline",
        "Allow selection", "Preferences saved",
    ],
}

BYLINE = {
    "dev": [
        "By {person}", "By {PERSON}, Associated Press", "By {person} and {person2}",
        "By {person}, Reuters", "By {person} | {outlet}", "By {PERSON}",
        "By {person}, Staff Writer", "By {person} in {city}",
        "By {person}, {person2} and {person3}",
    ],
    "heldout": [
        "{person}, Reporter", "Words by {person}", "Written by {person}", "Story by {person}",
        "{person} | Staff Writer", "From {person} in {city}", "Author: {person}",
        "{person} ({outlet})", "{person}, {city} correspondent", "Report: {person}",
        "{PERSON} / {outlet}", "{person} · {section} editor", "Text: {person}",
        "Reported by {person}",
    ],
    "blind": [
        "{person}", "Posted by {person}", "{person}, The Canadian Press", "{person}, AAP",
        "{person}, Agence France-Presse", "{person}, Bloomberg News", "{person} & {person2}",
        "{person}, Contributor", "{person}, Special to {outlet}", "Analysis by {person}",
        "{Business|Economics|Energy|Markets} correspondent {person}", "Von {person}",
        "{person}, AP Business Writer", "{person}, Guest Columnist",
    ],
}

DATELINE = {
    "dev": [
        "{DLCITY}, {mon} {d} (Reuters) -", "{DLCITY}, {mon} {d} -", "{DLCITY} (Reuters) —",
        "{DLCITY}, {mon} {d} (Reuters)", "{DLCITY} -",
    ],
    "heldout": [
        "{dlcity}, {dlcountry}", "{DLCITY} (AP) —", "{dlcity}, {d} {month} (dpa)",
        "{DLCITY}, {dlcountry} --", "From our correspondent in {dlcity}",
        "{dlcity} | {month} {d}, {yyyy}", "{DLCITY}: ", "{dlcity} (AFP) -",
    ],
    "blind": [
        "{dlcity}, {d} {mon} (EFE).-", "(ANSA) - {DLCITY} -", "{DLCITY}, {month} {d} Kyodo -",
        "{dlcity}, {mon} {d} (PTI)", "{DLCITY}, {month} {d} (Xinhua) --", "{DLCITY} (Dow Jones)--",
        "(Bloomberg) --", "{DLCITY}, {mon} {d} /PRNewswire/ --",
    ],
}

TIMESTAMP = {
    "dev": [
        "Published {h}:{mm} {AMPM} {tz}, {wkd} {month} {d}, {yyyy}",
        "Updated {n} hours ago", "Updated {big} minutes ago", "{month} {d}, {yyyy}",
        "{mon}. {d}, {yyyy} {h}:{mm} {ampm} ET", "Updated: {month} {d}, {yyyy}",
        "Published: {month} {d}, {yyyy} at {h}:{mm} {ampm}",
        "Updated {h}:{mm} {AMPM} {tz}, {wkd} {month} {d}, {yyyy}",
        "{month} {d}, {yyyy} / {h}:{mm} {AMPM}", "Posted {month} {d}, {yyyy}",
    ],
    "heldout": [
        "Last modified on {wkd} {d} {mon} {yyyy} {HH}.{mm} GMT",
        "Posted {dd}/{MM}/{yyyy} at {HH}:{mm}", "{yyyy}-{MM}-{dd}T{HH}:{mm}:{ss}Z",
        "{d} {month} {yyyy}", "First published: {wkd}, {d} {mon} {yyyy}",
        "Updated at {HH}:{mm} on {d} {month}", "{wkd} {d} {month} {yyyy} {HH}:{mm} BST",
        "{n}h ago", "Yesterday at {h}:{mm} {ampm}", "{dd}.{MM}.{yyyy}, {HH}:{mm} Uhr",
        "Modified {n} days ago", "{wkd}, {mon} {d} · {h}:{mm} {ampm}", "Just now",
    ],
    "blind": [
        "Posted: {mon} {dd}, {yyyy} {h}:{mm} {AMPM} ET | Last Updated: {n} hours ago",
        "Last Updated: {mon} {dd}, {yyyy}, {HH}:{mm} IST", "{mon} {d}, {yyyy}, {HH}:{mm} IST",
        "Posted {wkd} {d} {mon} {yyyy} at {h}:{mm}{ampm}", "{month} {d}, {yyyy} — {h}.{mm}{ampm}",
        "{yyyy}-{MM}-{dd} {HH}:{mm}:{ss}+00:00", "{HH}:{mm}, {dd} {mon} {yyyy}", "{n} hrs ago",
        "Stand: {dd}.{MM}.{yyyy} {HH}:{mm} Uhr", "Publié le {dd}/{MM}/{yyyy} à {HH}h{mm}",
        "Published on {dd}/{MM}/{yyyy}",
        "{wkd}, {dd} {month} {yyyy}, {h}:{mm} {AMPM} {tz}",
    ],
}

READ_TIME = {
    "dev": [
        "{n} min read", "{n} minute read", "Reading time: {n} minutes", "{n} MIN READ",
        "Read time: {n} min", "{n} mins read",
    ],
    "heldout": [
        "Estimated reading time: {n} min", "{n}-minute read", "⏱ {n} mins", "Read time {n}m",
        "Time to read: about {n} minutes", "{big}0 words · {n} min",
        "Approx. {n} min to read", "Lesezeit: {n} Min.", "{n}' read",
    ],
    "blind": [
        "Read in {n} minutes", "{n} min listen", "Word count: {big}0", "{n} minutes",
        "Avg. read: {n} min", "Temps de lecture : {n} min.",
        "This story takes about {n} minutes to read", "{n} min reading time",
    ],
}

# --------------------------------------------------------------------------- cruft: captions

CAPTION = {
    "dev": [
        "{Protesters|Demonstrators|Supporters|Farmers|Workers} {march|rally|gather} in {city}",
        "A trader works on the floor of the {New York Stock Exchange|Chicago Board of Trade}",
        "{A worker|Dock workers|A farmer} {loads|unloads|inspects|sorts} {commodity} at a "
        "{port|warehouse|plant} in {city}",
        "{Title} {last} speaks {at a news conference|during a meeting|to reporters} in {city}",
        "Ships wait to unload at the port of {city}",
        "The headquarters of {co} in {city}",
        "{Title} {last} arrives for talks in {city}",
        "Delegates attend a meeting of oil ministers in {city}",
        "A {commodity} field near {city}",
    ],
    "heldout": [
        "FILE PHOTO: {A logo of {co}|A view of a {commodity} terminal} is seen in {city}",
        "{Title} {last} gestures as he addresses the media in {place}, on {wkd}",
        "In this {month} {d} file photo, a man walks past a branch of {co} in {city}",
        "Pictured: {Title} {last} at the {summit|annual meeting|trade fair}",
        "{A cargo ship|A tanker} is moored at {city} harbour, {month} {d}, {yyyy}",
        "A view shows {commodity} stockpiles at a storage facility outside {city}",
        "Shoppers walk past a closed store in central {city}",
        "An employee checks {commodity} samples in a laboratory in {city}",
        "Riot police stand guard outside parliament in {city}",
    ],
    "blind": [
        "{Title} {last} (centre) poses with {delegates|officials|executives} during a "
        "{summit|conference} in {city}",
        "Screens display market data at a brokerage in {city}",
        "An aerial view of the {co} {plant|refinery|mine} near {city}",
        "{Title} {last} (left) shakes hands with {Title2} {last2} in {city} on {wkd}",
        "Containers stacked on the quayside in {city}",
        "Harvesting under way on a farm near {city} last {month}",
        "Police and protesters clash outside the {co} {plant|headquarters} in {city}",
        "A file image of {co}'s offices in {city}",
        "Workers at a {commodity} processing plant outside {city}. {The company|{co}} says "
        "output will rise this year.",
    ],
}

# Credit glued to the caption (joiner first, then the credit).
CAPTION_CREDIT = {
    "dev": [
        "Reuters", "REUTERS", " (AP Photo/{person})", " REUTERS/{person}", " Photo: Getty Images",
        "AFP", " (Reuters)", "Getty Images", " (AP Photo)", "AP", " AFP via Getty Images",
        " Photo: Reuters",
    ],
    "heldout": [
        " REUTERS/{person}/File Photo", " | Photo credit: {person}/EPA-EFE",
        " (Photo by {person}/AFP via Getty Images)", "Bloomberg", " © {person} / Xinhua",
        " Image: Shutterstock", " — Picture: {last}/dpa", " {person} for {outlet}",
        "EPA", " [{person}/Anadolu]", " Credit: Bloomberg", "Xinhua/Sipa USA",
    ],
    "blind": [
        " (AAP Image/{person})", " (PTI Photo)", " THE CANADIAN PRESS/{person}",
        " Credit...{person}/{outlet}", " ANSA/{PERSON}", " EFE/{person}", " (Kyodo)", " (Supplied)",
        " | Express Photo by {person}", "Alamy", " ©{person}/ZUMA Wire", "PTI",
    ],
}

PHOTO_CREDIT = {
    "dev": [
        "Photo: Getty Images", "Image credit: AFP", "Photo: Reuters", "(Photo: {person})",
        "Photo: {person}/Reuters", "Image: Getty Images", "Photo credit: {person}",
        "(AP Photo/{person})", "Photo: AP",
    ],
    "heldout": [
        "Picture: dpa", "Source: Shutterstock", "Photograph: {person}/{outlet}",
        "Pic credit – Bloomberg", "📷 {person}", "Image courtesy of {co}",
        "Illustration: {outlet}", "Photo illustration by {person}", "Foto: {last}/dpa",
        "Images: Xinhua", "© {person}",
    ],
    "blind": [
        "Photo: Supplied", "Photographer: {person}/Bloomberg", "Photo by {person} on Unsplash",
        "Representational image", "AAP Image/{person}", "Staff photo by {person}", "{co} handout",
        "KEYSTONE/{PERSON}", "Crédit photo : AFP", "Photo: {outlet} file", "Stock image",
    ],
}

# --------------------------------------------------------------------------- cruft: tail

COPYRIGHT = {
    "dev": [
        "All contents © copyright {year} The Associated Press. All rights reserved.",
        "Copyright {year} Thomson Reuters.", "Copyright {year} Thomson Reuters. "
        "All rights reserved.",
        "This material may not be published, broadcast, rewritten or redistributed.",
        "© {year} AFP", "© dpa-infocom, dpa:{yymmdd}-99-{big}/{n}",
        "Copyright {year} The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.",
        "(c) {year} Agence France-Presse", "© Copyright {year} {outlet}",
        "Copyright © {year} {outlet}. All rights reserved.", "(c) Copyright Thomson Reuters {year}",
    ],
    "heldout": [
        "Distributed by Tribune Content Agency, LLC.", "©{year} Bloomberg L.P.",
        "Reproduction in whole or in part without permission is prohibited.",
        "Content © {outlet} {year}. Do not republish without written consent.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "{outlet} — all rights reserved, {year}",
        "AFP content is protected by copyright; redistribution is prohibited.",
        "Copyright ©{year} Deutsche Presse-Agentur GmbH", "Unauthorised reproduction is "
        "strictly prohibited.", "Xinhua News Agency. Reuse subject to licence terms.",
        "This article is protected under international copyright law.",
        "Licensed from {wire}; further distribution forbidden.",
    ],
    "blind": [
        "© {year} The Canadian Press", "© AAP {year}", "© Copyright ANSA - Tutti i diritti riservati",
        "© EFE {year}. Está expresamente prohibida la redistribución y la redifusión de todo o "
        "parte de los contenidos de los servicios de Efe, sin previo y expreso consentimiento de "
        "la Agencia EFE S.A.", "© {year} {outlet} or its affiliated companies. All rights reserved.",
        "All material copyright {outlet} and/or its licensors",
        "© {year} Kyodo News",
        "No part of this publication may be reproduced without prior permission.",
        "Copyright (c) {year} Press Trust of India",
        "Copyright {year} Dow Jones & Company, Inc. All Rights Reserved",
    ],
}

REPORTING_CREDIT = {
    "dev": [
        "(Reporting by {person}; Editing by {person2})",
        "(Reporting by {person} in {city}; Additional reporting by {person2}; Editing by "
        "{person3})", "(Additional reporting by {person} in {city})",
        "(Writing by {person}; Editing by {person2} and {person3})",
        "(Reporting by {person}; editing by {person2})",
        "(Reporting by {person} and {person2}; Editing by {person3})",
        "(Additional reporting by {person}; Writing by {person2}; Editing by {person3})",
    ],
    "heldout": [
        "Reporting by {person} in {city}; editing by {person2}",
        "-- {person} contributed reporting from {city}.",
        "Associated Press writer {person} in {city} contributed to this report.",
        "Compiled by {person} for {outlet}", "Contributing: {person}, {outlet}",
        "With additional reporting from {person}", "[Reporting by {person}; Writing by "
        "{person2}]", "Reporting: {person} | Editing: {person2}",
        "{person} and {person2} contributed to this report.",
        "Additional reporting: {person} ({city})", "— With assistance from {person}.",
    ],
    "blind": [
        "To contact the reporter on this story: {person} in {city}",
        "To contact the editors responsible for this story: {person}, {person2}",
        "{jm|ach|rl|dw|bp|ft}/{rox|sst|js|cw|pbt}", "(With inputs from {PTI|agencies|PTI, IANS})",
        "{person} reported from {city}, and {person2} from {city2}.", "— with wires", "With AAP",
        "Edited by {person}", "Write to {first} {last} at {first}.{last}@{domain}",
        "Data analysis by {person}", "Mit Material von dpa",
        "With files from The Canadian Press",
    ],
}

TRAILER = {
    "dev": [
        "Originally published on {domain2}", "This article originally appeared in {outlet2}.",
        "This story was originally published by {outlet2}.",
        "({outlet}'s {region} desk is keeping you updated until the start of {day} in {city}.)",
        "This article first appeared on {domain2}.", "Originally published at {domain2}",
        "This article was originally published on {outlet2}.",
    ],
    "heldout": [
        "Republished with permission from {outlet2}.", "Read the original story at {domain2}.",
        "A version of this article appears in print on {mon} {d}, {yyyy}, Section {letter}, "
        "Page {n} of the {region} edition.", "This story has been syndicated from {outlet2}.",
        "Got a news tip? Email us at tips@{domain}.",
        "{outlet} is an independent, nonprofit newsroom. Republish our articles for free.",
        "Produced in partnership with {outlet2}.", "Source: {outlet2}",
        "Distributed via the {outlet2} wire service.", "First seen at {domain2}",
    ],
    "blind": [
        "This report by The Canadian Press was first published {month} {d}, {yyyy}.",
        "(This story has not been edited by {outlet} staff and is auto-generated from a "
        "syndicated feed.)", "(Only the headline and picture of this report may have been "
        "reworked by the {outlet} staff; the rest of the content is auto-generated from a "
        "syndicated feed.)", "==Kyodo", "The Associated Press receives support from several "
        "private foundations to enhance its explanatory coverage of {section}. The AP is solely "
        "responsible for all content.", "Via {domain2}", "Disclaimer: The views expressed are "
        "the author's own and do not necessarily reflect those of {outlet}.",
        "This piece is part of {outlet}'s special coverage of {section}.",
        "Dieser Artikel erschien zuerst bei {outlet2}.",
        "This article was amended on {d} {month} {yyyy} to correct a figure.",
    ],
}

TAGS = {
    "dev": {
        "heads": ["Tags: ", "Topics: ", "TAGS: ", "Tagged: ", "Tags ", "Topics "],
        "seps": [", ", ", ", " | ", ", "],
    },
    "heldout": {
        "heads": ["Filed under: ", "Keywords: ", "More on these topics: ", "", "Categories: ",
                  "Explore more on: ", "Related topics: ", "In this article: "],
        "seps": [" · ", "; ", " / ", " #", " • "],
    },
    "blind": {
        "heads": ["Subjects: ", "More about ", "Posted in ", "Labels: ",
                  "Follow the topics in this article: ", "Themen: ", "Keep exploring: ",
                  "See more stories on: ", ""],
        "seps": ["  ", "  ", " – ", " ◦ ", "\t"],
    },
}

RELATED_HEADER = {
    "dev": [
        "Related", "Most Read", "More from {section}", "Related stories", "Related articles",
        "You may also like", "Most popular", "Related coverage", "More stories",
        "Most read in {section}",
    ],
    "heldout": [
        "Trending now", "Editor's picks", "In other news", "What to read next", "Top stories",
        "Recommended for you", "Don't miss", "Latest headlines", "Around the web",
        "Popular right now", "People are also reading", "Elsewhere on {outlet}",
    ],
    "blind": [
        "More on this story", "Most viewed", "Most shared", "Also on {outlet}", "Also in {section}",
        "Related content", "You might be interested in", "Just in", "Meistgelesen",
        "Most commented", "Featured", "Read these next",
    ],
}

RELATED_ITEM = {
    "dev": ["{headline}", "{headline}", "{headline}", "{n}. {headline}", "{headline} »"],
    "heldout": [
        "{headline} - {n} hours ago", "• {headline}", "{headline} | {section}",
        "{headline} ({big} comments)", "→ {headline}", "{headline} — {outlet}",
        "{n}) {headline}", "{headline}   {h}:{mm} {ampm}",
    ],
    "blind": [
        "{n} {headline}", "{headline} ({mon} {d})", "{section}: {headline}",
        "{headline} · {n} min read", "{headline}   {dd}/{MM}/{yyyy}", "▪ {headline}",
        "{headline} [VIDEO]", "{headline} {n}h",
    ],
}

FOOTER = {
    "dev": [
        "About Us | Contact | Privacy Policy | Terms of Use", "Privacy Policy", "Terms of Use",
        "Contact us", "Advertise with us", "Careers", "Site map",
        "© {year} {outlet}. All rights reserved.", "About | Help | Advertise | Privacy",
        "Terms & Conditions", "Cookie Policy",
    ],
    "heldout": [
        "Imprint", "Accessibility statement", "Do Not Sell My Personal Information",
        "Help centre", "Corrections", "Masthead", "Work with us",
        "Legal notice · Data protection · Cookie settings", "{outlet} Media Group, {city}",
        "Ethics policy", "Syndication & licensing", "Reader services", "Impressum",
        "{outlet} is part of {co}",
    ],
    "blind": [
        "This website and associated newspapers adhere to the Independent Press Standards "
        "Organisation's Editors' Code of Practice.", "RSS feeds", "Archive", "Media kit",
        "Your California Privacy Rights", "Complaints", "Contact the newsroom",
        "FAQ | Terms of Sale | RSS | Archive", "Registered in England and Wales No. {big}{big}",
        "Powered by WordPress VIP", "{outlet} is not responsible for the content of external sites.",
        "Datenschutz", "Subscription terms", "Public notices",
    ],
}

# The copyright line that half of the outlets carry in their fixed footer.
OUTLET_COPYRIGHT = {
    "dev": "© {year} {outlet}{|. All rights reserved.| Ltd}",
    "heldout": "© {year} {outlet}{|. All rights reserved.| Ltd}",
    "blind": "Copyright © {yyyy2}–{year} {outlet}{| Limited| Pty Ltd| Inc.}",
}

# --------------------------------------------------------------------------- look-alikes

# (category, template): real news sentences that contain cruft words and must be KEPT.
LOOKALIKES: dict[str, list[tuple[str, str]]] = {
    "dev": [
        ("share", "Shares of {co} fell {pct} percent to {dlrs} dlrs in {active|heavy|light} "
                  "trading."),
        ("share", "{co} said it would share the cost of the {pipeline|plant|terminal} with "
                  "{co2}."),
        ("share", "Shares in {co} rose {cents} cents after the announcement, {person} said."),
        ("click", "\"Click here,\" {he|she} told the {crowd|delegates|audience}{| in {city}}, "
                  "pointing at the screen."),
        ("click", "The counters clicked past {big},000 by midday, an official at the "
                  "{exchange} said."),
        ("print", "{The company|{co}} said it would print more "
                  "{shares|banknotes|copies of the report} {next year|in {month}|by {yyyy2}}."),
        ("print", "The central bank will print {n} billion {currency} in new notes, {person} "
                  "said."),
        ("listen", "\"We listen to our customers,\" {co} {title} {person} told reporters."),
        ("save", "The plan would save the government about {big} mln dlrs a year, officials "
                 "said."),
        ("email", "In an email to employees, {person} said the cuts were unavoidable."),
        ("advert", "Advertising revenue rose {pct} percent in the {first|second|third|fourth} "
                   "quarter."),
        ("advert", "{co} plans to double its advertising budget in {month}, {person} said."),
        ("continue", "Continued weakness in the dollar will weigh on exports, {person} said."),
        ("read", "{Analysts|Dealers|Economists} said they read more into the tone of the "
                 "{statement|communique|minutes} than {its figures|the numbers}."),
        ("newsletter", "The newsletter industry has grown sharply{| in {city}| since {yyyy2}}, "
                       "{he|she|{person}} said."),
        ("newsletter", "{person}, who publishes an investment newsletter in {city}, said the "
                       "rally would not last."),
        ("signup", "More than {big},000 farmers have signed up for the program, the {agency} "
                   "said."),
        ("follow", "Follow-up talks are scheduled for {day}."),
        ("follow", "{co} shares followed the broader market lower in {city}."),
        ("donate", "The foundation pledged to donate {n} mln dlrs to flood relief in {country}."),
        ("support", "Support for the measure has grown in the Senate, {person} said."),
        ("cookie", "Cookie and cracker sales at {co} rose {pct} percent last year."),
        ("by", "By the end of {month}, stocks had fallen to {n}.{n2} mln tonnes."),
        ("by", "By contrast, {co}'s earnings rose {pct} percent."),
        ("updated", "Updated figures will be released on {day}, the {agency} said."),
        ("published", "Published data showed {commodity} output fell {pct} percent in "
                      "{month}."),
        ("photo", "Photographs released by the ministry showed damaged buildings in {city}."),
        ("copyright", "Copyright disputes have cost the {industry|publishers|studios} billions, "
                      "{the report|{person}|the {agency}} said."),
        ("copyright", "{co} sued {co2} for copyright infringement in a {city} court on {day}."),
        ("rights", "{co} said it had reserved all rights under the contract."),
        ("reuters", "Reuters could not independently verify the {report|claim|figures|account}"
                    "{| published in {city}|, which came from {co}}."),
        ("reuters", "{person} told Reuters the contracts would be signed in {month}."),
        ("reporting", "Reporting requirements for small banks will be eased "
                      "{next year|in {month}}, {the regulator|{person}|the {agency}} said."),
        ("editing", "Editing of the final text will take "
                    "{another week|{n} more days|until {day}}, "
                    "{diplomats|officials|{person}} said."),
        ("originally", "The plant was originally built in {yyyy2} to process {commodity}."),
        ("tags", "Price tags on imported cars rose an average {pct} percent."),
        ("related", "Related talks on farm subsidies stalled in {city} on {day}."),
        ("most_read", "The survey is the most widely read guide to the {commodity} market, "
                      "{person} said."),
        ("home", "Home sales rose {pct} percent in {month}, the association said."),
        ("world", "World {commodity} output is expected to rise {pct} percent this season."),
        ("news", "News of the merger sent {co} shares up {cents} cents."),
        ("advert", "The advertisement, which ran in {n} newspapers, urged shareholders to "
                   "reject the offer."),
        ("app", "{co} filed an application with the {agency} to build a plant in {city}."),
        ("menu", "The menu of options includes a share buyback, {person} said."),
        ("search", "The search for a new chief executive will begin in {month}."),
        ("save", "Save for a few exceptions, the rules take effect on {day}."),
        ("print", "Print advertising fell {pct} percent at {co}'s newspapers last year."),
        ("read_time", "It took {n} minutes to read the full verdict, court officials said."),
    ],
    "heldout": [
        ("sponsored", "The bill, sponsored by Senator {last}, would raise the tariff to {pct} "
                      "percent."),
        ("sponsored", "{co} sponsored the {city} trade fair for the third year running."),
        ("terms", "Terms of the {deal|sale|agreement|acquisition|merger}"
                  "{| with {co}| between the two companies} were not disclosed."),
        ("terms", "Terms of use for the pipeline will be renegotiated in {month}, {person} "
                  "said."),
        ("comment", "{co} officials were not available for comment."),
        ("comment", "Comments by the {agency} pushed {commodity} futures lower on {day}."),
        ("subscribe", "Investors subscribed {n} times over for the bond issue, the lead "
                      "manager said."),
        ("contact", "Contacts between "
                    "{the two sides|{co} and {co2}|the unions and management} have continued, "
                    "{officials|{person}} said."),
        ("privacy", "Privacy concerns delayed the launch of the credit database, {person} "
                    "said."),
        ("credit", "Credit growth slowed to {pct} percent in {month}, the central bank said."),
        ("photo", "Photographs of the damaged tanker were shown to reporters in {city}."),
        ("filed", "{co} filed for bankruptcy protection in {city} on {day}."),
        ("keywords", "Keywords in the statement suggested further cuts, {person} said."),
        ("trending", "Prices have been trending higher since {month}, dealers said."),
        ("popular", "The popular {commodity} contract rose {cents} cents in {city}."),
        ("posted", "{co} posted a net loss of {big} mln dlrs for the year."),
        ("gift", "The gift of {big} mln dlrs was the largest in the university's history."),
        ("bookmark", "Bookmaker {co} said betting volumes rose {pct} percent."),
        ("alert", "Authorities put ports on alert as the storm approached {city}."),
        ("watch", "Traders will watch the {agency} report closely on {day}."),
        ("join", "{co2} will join the consortium as a minority partner, {person} said."),
        ("connect", "The new line will connect {city} with {city2} by {yyyy2}."),
        ("published", "Published on {day}, the report forecast a {pct} percent fall in "
                      "{commodity} exports."),
        ("reporting", "Reporting by the bank's auditors found no irregularities, {person} "
                      "said."),
        ("contributed", "Higher exports contributed to the improvement, the {agency} said."),
        ("source", "Sources close to the talks said a deal was likely by {day}."),
        ("source", "Source data from the {agency} showed stocks at {n}.{n2} mln tonnes."),
        ("register", "{co} will register the new shares with the {agency} in {month}."),
        ("standard", "The new standard will apply to all {commodity} shipments from {month}."),
        ("record", "{commodity} imports hit a record {big},000 tonnes in {month}."),
        ("edition", "The second edition of the price index will be published in {month}."),
        ("app", "The appeal court in {city} upheld the ruling on {day}."),
        ("audio", "Audio recordings of the meeting were handed to investigators, {person} "
                  "said."),
        ("link", "Analysts see a link between the rate cut and the weaker "
                 "{dollar|mark|yen|franc|peso}."),
        ("saved", "The merger saved {co} about {big} mln dlrs, {title} {person} said."),
        ("mail", "Mail deliveries in {city} were disrupted by the strike, union officials "
                 "said."),
        ("top_stories", "Top officials from {n} countries will meet in {city} on {day}."),
        ("more", "More than {big} people attended the shareholders' meeting in {city}."),
        ("by", "By {yyyy2}, the company expects {commodity} sales to double."),
        ("agency", "The agency said its {month} figures would be revised."),
        ("wire", "Wire transfers worth {big} mln dlrs were frozen, prosecutors said."),
        ("ad_hoc", "An ad hoc committee will review the tariffs, {person} said."),
        ("gallery", "The gallery sold the painting to {co} for {big} mln dlrs."),
        ("imprint", "The new governor has left his imprint on monetary policy, "
                    "{economists|{person}} said."),
        ("corrections", "Market corrections of this size are rare, {person} said."),
    ],
    "blind": [
        ("share", "{co} will share development costs for the {satellite|jet engine|smelter} with "
                  "{co2} under the accord."),
        ("share", "{co}'s market share rose to {pct} percent from {pct2} percent a year earlier."),
        ("share", "Shareholders will receive one new share for every {n} held, {co} said."),
        ("advert", "Television advertising accounted for {pct} percent of {co}'s revenue in "
                   "{yyyy2}."),
        ("advert", "Advertisers cut spending in {city} as the economy slowed, a trade group said."),
        ("ad", "The agency's ad campaign for {co} will run in {n} cities from {month}."),
        ("newsletter", "An oil industry newsletter published in {city} reported that {co} had cut "
                       "output."),
        ("newsletter", "The publisher of a monthly newsletter on {commodity} prices was charged "
                       "with fraud in {city}."),
        ("cookie", "{co}, the {country} cookie and biscuit maker, agreed to be acquired for {big} "
                   "mln dlrs."),
        ("cookie", "The cookie division accounted for a third of {co}'s sales last year."),
        ("copyright", "A federal judge in {city} ruled that {co} had not infringed {co2}'s "
                      "copyright on the software."),
        ("copyright", "Publishers said copyright protection should be extended to computer "
                      "programs."),
        ("photo", "{co} said sales of photographic film fell {pct} percent in the quarter."),
        ("photo", "A photographer was injured when police dispersed the crowd in {city}, "
                  "witnesses said."),
        ("reporter", "{Title} {last} told reporters in {city} that no decision had been taken."),
        ("correspondent", "Western correspondents were barred from the region, diplomats said."),
        ("subscribe", "The cable operator added {big},000 subscribers in the quarter, bringing "
                      "its total to {n}.{n2} mln."),
        ("subscribe", "The rights issue was {fully|heavily|only partly} subscribed, the "
                      "underwriters said."),
        ("app", "Japanese appliance makers raised prices by {pct} percent in {month}."),
        ("app", "{co} said regulators had approved its application to list on the {exchange}."),
        ("donate", "Donations to the relief fund reached {big} mln dlrs, organisers said."),
        ("donate", "Donor countries pledged {n} billion dlrs in aid at the {city} meeting."),
        ("consent", "Shareholders gave their consent to the merger at a meeting in {city} on "
                    "{day}."),
        ("accept", "{co} said it would accept the revised offer of {dlrs} dlrs per share."),
        ("reject", "The union rejected the {pct} percent pay offer and called a strike for "
                   "{day}."),
        ("partners", "Partners in the venture include {co} and {co2}, the statement said."),
        ("preferences", "Consumer preferences are shifting toward lighter {commodity} blends, "
                        "{person} said."),
        ("press", "The press conference was postponed until {day}, a ministry spokesman said."),
        ("channel", "Ferry services across the Channel were suspended because of high winds."),
        ("watch", "Standard and Poor's placed {co} on CreditWatch with negative implications."),
        ("listen", "The minister declined to say whether the government would listen to the "
                   "farmers' demands."),
        ("analysis", "An analysis by {co} showed {commodity} stocks were {pct} percent below "
                     "normal."),
        ("explained", "{person} explained that the charge reflected the sale of the {city} "
                      "plant."),
        ("coverage", "The policy provides full coverage against {flood|fire|storm} damage, {co} "
                     "said."),
        ("viewed", "The move was widely viewed as a bid to support the {currency}, dealers said."),
        ("supplied", "{country} supplied {pct} percent of the {commodity} imported last year."),
        ("handout", "The government said cash handouts to farmers would end in {month}."),
        ("archive", "Documents from the company archive were presented as evidence in {city}."),
        ("complaints", "Complaints from exporters prompted the {agency} to review the rules."),
        ("code", "A new code of practice for {commodity} traders takes effect on {day}."),
        ("alerts", "The weather service issued frost alerts for {commodity} growing areas."),
        ("matched", "{co} matched the rival bid of {dlrs} dlrs a share."),
        ("reading", "The bill passed its second reading in parliament on {day}."),
        ("minutes", "Minutes of the {month} meeting showed the board was divided, {person} "
                    "said."),
        ("sign", "{co} signed a {n}-year supply contract with {co2} on {day}."),
        ("tip", "A tip from a former employee led to the investigation, prosecutors said."),
        ("licence", "{co} was granted a licence to export {commodity} to {country}."),
        ("view", "\"In our view the market has bottomed out,\" {co} {title} {person} said."),
        ("contribution", "The fund will be financed by contributions from {n} member states."),
        ("live", "About {big},000 people live in the area affected by the spill."),
    ],
}

# Extra slot vocabularies.
CURRENCIES = ["yen", "marks", "francs", "lire", "pesos", "rupees", "crowns", "pounds"]
EXCHANGES = ["New York Stock Exchange", "London Stock Exchange", "Tokyo Stock Exchange",
             "Chicago Board of Trade", "Paris Bourse"]
REGIONS = ["North American", "European", "Asia-Pacific", "Middle East", "Latin American"]
JOB_TITLE_CAPS = ["President", "Minister", "Governor", "Chairman", "Secretary", "Prime Minister",
                  "Senator", "Finance Minister"]

# Decoration of short button-like lines: icon prefixes and trailing marks, per pool.
DECOR = {
    "dev": {"prefix": ["", "", "", "", "> "], "suffix": ["", "", "", ":", " »", "...", "."]},
    "heldout": {"prefix": ["", "", "", "▶ ", "✉ ", "🔗 ", "+ "],
                "suffix": ["", "", "", " ›", " →", "…", " ↗", " ▸"]},
    "blind": {"prefix": ["", "", "", "● ", "◆ ", "⤴ "],
              "suffix": ["", "", "", " ❯", " ⟩", " >>", "!"]},
}
# fmt: on
