/// Organisations news names often whose names a tagger reads as something else: a word
/// ("Oracle"), a place ("Monsanto"), a person ("Gawker"), a product ("Facebook"). Widely known
/// facts, not learned; a name that is also a common surname or a place in its own right
/// ("Ford", "Fox", "Barcelona") is left out, since the article's own evidence must decide it.
enum Organisations {
    /// Other names of one organisation, to the name news writes in full.
    static let aliases: [String: String] = [
        "GOP": "Republican Party", "G.O.P.": "Republican Party",
        "ISIS": "Islamic State", "ISIL": "Islamic State", "Daesh": "Islamic State",
        "Al Qaeda": "al-Qaeda", "al Qaeda": "al-Qaeda", "Al-Qaeda": "al-Qaeda",
        "Wal-Mart": "Walmart", "HuffPost": "Huffington Post",
    ]

    /// News organisations known the world over, whose names carry no word like "Times".
    static let newsOrganisations: WordSet = [
        "Gawker", "BuzzFeed", "Breitbart", "Politico", "Axios", "Vox", "HuffPost", "Infowars",
        "TheBlaze", "Mediaite", "Reuters", "CNN", "MSNBC", "CNBC", "NPR", "PBS", "BBC", "ESPN", "HBO", "Univision",
        "Telemundo", "Newsweek", "Bloomberg News", "Al Jazeera", "Associated Press", "Fox News", "Drudge Report",
        "Huffington Post", "NBC", "CBS", "ABC", "Sky News", "ITV", "CBC", "CTV", "RTÉ", "Al Arabiya", "NBC News", "CBS News", "ABC News",
    ]

    /// Names, as news writes them, of organisations known the world over.
    static let names = newsOrganisations.union([
        // Internet companies and platforms
        "Facebook", "Twitter", "Instagram", "YouTube", "Google", "Alphabet", "Microsoft", "Apple", "Amazon", "Netflix",
        "Uber", "Lyft", "Airbnb", "Snapchat", "TikTok", "WhatsApp", "LinkedIn", "Reddit", "Tumblr", "Pinterest", "Yahoo",
        "eBay", "PayPal", "Spotify", "Tesla", "SpaceX", "Intel", "Samsung", "Huawei", "Sony", "Nintendo", "Nvidia",
        "Qualcomm", "Cisco", "Oracle", "Hewlett-Packard", "Dropbox", "Wikipedia", "WikiLeaks", "Baidu",
        "Alibaba", "Tencent", "Xiaomi",
        // Companies
        "Monsanto", "Walmart", "Wal-Mart", "Starbucks", "McDonald's", "Coca-Cola", "PepsiCo", "Pepsi", "Exxon",
        "ExxonMobil", "Exxon Mobil", "Chevron", "Boeing", "Airbus", "Lockheed Martin", "Raytheon", "Halliburton",
        "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "Citigroup", "Citibank", "Wells Fargo", "Morgan Stanley",
        "Barclays", "HSBC", "Deutsche Bank", "Santander", "Pfizer", "Moderna", "Novartis",
        "AstraZeneca", "Verizon", "Comcast", "Toyota", "Volkswagen", "Nissan", "Nike", "Adidas", "Walgreens",
        "Costco", "Kroger", "Enron", "Nestle", "Nestlé", "Unilever", "Glencore", "Gazprom", "Rosneft", "Aramco",
        "Accenture", "Deloitte", "KPMG", "PwC", "McKinsey", "Michelin",
        // Parties known by a short name
        "GOP", "G.O.P.",
        // Campaigns, charities, movements and armed groups
        "Planned Parenthood", "Greenpeace", "Amnesty International", "Human Rights Watch", "Red Cross", "Oxfam",
        "NAACP", "ACLU", "NRA", "AFL-CIO", "Teamsters", "Hamas", "Hezbollah", "Taliban", "al-Qaeda", "Al Qaeda",
        "Boko Haram", "al-Shabab", "Islamic State", "ISIS", "ISIL", "Black Lives Matter", "Heritage Foundation",
        "Brookings Institution", "Cato Institute", "Pew Research Center", "Wikimedia", "Médecins Sans Frontières",
        // Sport
        "FIFA", "UEFA", "NFL", "NBA", "MLB", "NHL", "NCAA", "WNBA", "NASCAR", "Premier League", "Manchester United",
        "Manchester City", "Real Madrid", "Bayern Munich", "Arsenal", "Juventus",
    ])
}
