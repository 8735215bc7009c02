//! Hand-annotated gold quantities for measuring value precision/recall.
//! Sentences are sampled (seeded) from the BBC News corpus (business, politics, tech)
//! and the Reuters-21578 archive; each lists the values a careful annotator would mark
//! (years, dates, clock times, ordinals, identifiers and pronoun "one" excluded).

pub(super) const GOLD: &[(&str, &[f64])] = &[
    (
        "It has the power to suspended or bar him from office but Mr Livingstone said: \"There must have been 20 instances like this over the last 24 years.",
        &[20.0, 24.0],
    ),
    (
        "Shares in Anglo-Swedish drug have closed down 8% in UK trade after the failure of its Iressa drug in a major clinical trial.",
        &[8.0],
    ),
    (
        "GM added that US truck sales fell 9% in February while car business tumbled 17%, however it did acknowledge that some new products - such as the Pontiac G6 and Chevrolet Cobalt - had put in solid performances.",
        &[9.0, 17.0],
    ),
    (
        "Bringing Cadillac production to Sweden should help introduce desperately-needed scale to the Saab factory, which currently produces fewer than 130,000 cars per year.",
        &[130000.0],
    ),
    (
        "Electronic Arts was named top publisher of the year, taking the crown from Nintendo which won in 2003.",
        &[],
    ),
    (
        "Borussia Dortmund posted a record loss of 68m euros ($89m; £47m) in the 12 months through June.",
        &[68e6, 89e6, 47e6, 12.0],
    ),
    (
        "CSOs can now use reasonable force to detain suspects for up to 30 minutes while they wait for police officers to arrive.",
        &[30.0],
    ),
    (
        "The problem is that no one yet knows how to get there.",
        &[],
    ),
    (
        "Interest rates rose five times between November 2003 and August 2004 as soaring house prices and buoyant consumer data sparked inflation fears.",
        &[5.0],
    ),
    (
        "\"The BBC is allowing us access to the material so that we can prove the technology and the principles,\" explained Dr Doug Williams of BT, who will be NM2's technical project manager.",
        &[],
    ),
    (
        "Figures from the Commerce Department for November showed exports down 2.3% to $95.6bn, while imports grew 1.3% to $155.8bn on rising consumer demand.",
        &[2.3, 95.6e9, 1.3, 155.8e9],
    ),
    (
        "Analysts said one factor that might have influenced the Chinese decision was the possibility of litigation from Yukos, Yugansk's former owner, if CNPC had become a shareholder.",
        &[1.0],
    ),
    (
        "Shares in Wimpey were up 6% at 458.5p in morning trade.",
        &[6.0, 458.5],
    ),
    (
        "The Commons has approved the measures despite considerable opposition, with the government's majority more than halved as 32 Labour rebels joined Tory and Lib Dem opposition.",
        &[0.5, 32.0],
    ),
    (
        "\"The commissioner will have the powers which existing police authorities have,\" he told BBC Radio 4's Today programme.",
        &[],
    ),
    (
        "Oil prices retreated from four-month highs in early trading on Tuesday after producers' cartel Opec said it was now unlikely to cut production.",
        &[4.0],
    ),
    (
        "And overall investment in fixed assets was still high, up 21.3% from the previous year - although some way off the peak of 43% seen in the first quarter of 2004.",
        &[21.3, 43.0],
    ),
    (
        "India began to open up its domestic airline market - previously dominated by state-run carrier Indian Airlines - in the 1990s.",
        &[],
    ),
    (
        "For a small fee users will take control of a camera and rifle that they can use to spot and shoot the game animals as they roam around a 133-hectare Texas ranch.",
        &[133.0],
    ),
    (
        "And it is probably still the answer to that one question that will overwhelmingly decide the outcome of the general election.",
        &[1.0],
    ),
    (
        "The SEC also said it had brought fraud charges against two ex-senior executives of Columbia Distributor.",
        &[2.0],
    ),
    (
        "Santa Monica-based Activison is said to be one firm on its takeover list.",
        &[1.0],
    ),
    (
        "Prosecutors are seeking indictments against Mr Tanzi and 28 others - including several members of his family and former Parmalat chief financial officer Fausto Tonna - for alleged manipulation of stock market prices.",
        &[28.0],
    ),
    (
        "The trial of Buntes Fernsehen (Multi-Coloured TV) was started in late 2004 and creates a net-based TV station run by the 8,000 residents of Engerwitzdorf.",
        &[8000.0],
    ),
    (
        "Eventually the TPM will be built into the main processor itself, and if the trusted computing group has its way then you will find one in every piece of hardware you own.",
        &[],
    ),
    (
        "Mr Khodorkovsky, currently facing fraud and tax evasion charges of his own, was one of the founders of Menatep.",
        &[],
    ),
    (
        "In the opening days of the MPAA campaign, the organisation filed 100 lawsuits against operators of BitTorrent server site.",
        &[100.0],
    ),
    (
        "Both are thought to be the top executives in three companies - PayPerAction LLC., Leadplex LLC. and Leadplex Inc - that are suspected of sending out many millions of unwanted e-mail messages.",
        &[3.0],
    ),
    (
        "Put high priority on talks on 12 farm products named in U.S.",
        &[12.0],
    ),
    (
        "The CCTs were priced at 99.00 pct for an effective net annual yield on the first coupon, payable April 1 1988, of 9.85 pct.",
        &[99.0, 9.85],
    ),
    (
        "The withholding scheme can only be used if prices fall below the 1,600 SDR lower intervention price for more than five days and if 80 pct of the maximum buffer stock capacity has been filled.",
        &[1600.0, 5.0, 80.0],
    ),
    (
        "Compaq Computer Corp <CPQ> is already selling a 386-based PC and IBM is widely expected to announce a 386 machine sometime this year.",
        &[],
    ),
    (
        "The proposal for a general strike was narrowly defeated at a meeting yesterday but union leaders voted instead for a national week of strike action beginning on April 3 and urged their members to concentrate their protests on April 10.",
        &[],
    ),
    (
        "NOTE: FiscaL 1987 year based on 53 weeks compared wqith 52 weeks a year earlier.",
        &[53.0, 52.0],
    ),
    (
        "NOTE: Results include charges of five mln dlrs or 96 cts shr for 1986 qtr and year, compared with charge of 72.2 mln dlrs or 13.94 dlrs shr in prior year from discontinued operations.",
        &[5e6, 96.0, 72.2e6, 13.94],
    ),
    (
        "FRANKFURT, Oct 19 - The Bundesbank will not hold a news conference after its regular fortnightly central bank council meeting on Thursday, a spokesman said in answer to enquiries.",
        &[],
    ),
    (
        "It said the added reserves are expected to result in a second-quarter loss of about 10 mln dlrs for the corporation.",
        &[10e6],
    ),
    (
        "News that Volcker would not seek a third term hit the financial markets hard.",
        &[],
    ),
    (
        "NEW YORK, April 1 - The downturn in the Texas economy has bottomed out and growth should return at a slow rate in the second or third quarter, said Coyle Kelly.",
        &[],
    ),
    (
        "NEW YORK, April 13 - Chrysler Corp's pension expense is expected to increase by more than 50 pct this year due to new pension accounting standards, its annual report said.",
        &[50.0],
    ),
    (
        "Originally the margin was set at 6.25 basis points for up to 50 mln dlrs and at 2.5 basis points for the remainder.",
        &[6.25, 50e6, 2.5],
    ),
    (
        "LONDON, March 6 - The State Bank of South Australia is issuing a novel 50 mln Australian dlr eurobond due April 8, 1992 paying an initial coupon of 16-1/4 pct and priced at 101 pct, lead manager Swiss Bank Corp International said.",
        &[50e6, 16.25, 101.0],
    ),
    (
        "CHICAGO, March 12 - Directors of the Chicago Mercantile Exchange (CME) adjourned a meeting late last night without reaching a decision on a petition to ban dual trading in Standard and Poor's 500 stock index futures, an exchange official said.",
        &[],
    ),
    (
        "An IBC spokesman told Reuters that a 15 mln dlr loan from the Banco do Brasil would be used to pay five mln dlrs a month in June, July and August to creditors.",
        &[15e6, 5e6],
    ),
    (
        "Domestic sales decreased 4.4 pct to 355 mln dlrs from 371 mln dlrs and foreign sales, expressed in U.S. dlrs, rose 7.9 pct, the company said.",
        &[4.4, 355e6, 371e6, 7.9],
    ),
    (
        "The rate at which permits were issued for future construction rose in February by 4.4 pct to a seasonally adjusted 1,764,000 units after falling 11.52 pct to 1,690,000 units in January.",
        &[4.4, 1764000.0, 11.52, 1690000.0],
    ),
    (
        "The stock was trading at 47-1/2, up 2-1/2 points.",
        &[47.5, 2.5],
    ),
    ("COLOMBIA SECURES 1.95 BILLION DLRS OF DEBT", &[1.95e9]),
    (
        "\"The Saudis are committed to that price level (of 18 dlrs a barrel) and are willing to make it happen again,\" he said.",
        &[18.0],
    ),
    (
        "Colonial had assets at year-end of about 150 mln dlrs.",
        &[150e6],
    ),
    ("ALBANY, N.Y., Oct 20 - Shr 27 cts vs 17 cts", &[27.0, 17.0]),
    (
        "Sosnoff said in a filing with the Securities and Exchange Commission that he sold 338,975 Caesars World shares on October 15 and 16 at 22.50 dlrs to 25.25 dlrs a share.",
        &[338975.0, 22.5, 25.25],
    ),
    (
        "LONDON, March 31 - General Motors Acceptance Corp (GMAC), the financing arm of General Motors Corp of the U.S., Will launch its planned one billion U.S. dlr program.",
        &[1e9],
    ),
    (
        "The Canadian Imperial Bank spokesman said \"the bank card market is a very competitive one and we have to move to stay competitive.\"",
        &[],
    ),
    (
        "NOTE: Net excludes extraordinary tax charge 156,000 dlrs vs credit 2,257,000 dlrs in quarter and credits 1,041,000 dlrs vs 3,589,000 dlrs in year.",
        &[156000.0, 2257000.0, 1041000.0, 3589000.0],
    ),
    (
        "DI Industries said another unit, Drillers Inc of Texas completed a 560,000-dlr Department of Defense project which involved drilling a vertical firing shaft.",
        &[560000.0],
    ),
    (
        "Economists said unemployment is expected to exceed 10 pct in 1988 against about 9.5 pct this year.",
        &[10.0, 9.5],
    ),
    (
        "Overall, Damon Corp reported a loss of 2.5 mln dlrs on sales of 148 mln.",
        &[2.5e6, 148e6],
    ),
    ("The notes will mature April 2, 1992 at par.", &[]),
    (
        "The request will be made when export certificates have been granted for all the 500,000 tonnes, the AGPM said.",
        &[500000.0],
    ),
    (
        "Oil ministers from Mexico, Trinidad and Tobago, Ecuador and Venezuela will be on hand for the fifth meeting of the informal group of Latin American and Caribbean Petroleum Exporters, formed in 1983, it said.",
        &[],
    ),
    (
        "LONDON, June 1 - The Panamanian liquified gas carrier Nyhammer, 48,772 dwt, was attacked by an Iranian gunboat on May 24, Lloyds Shipping Intelligence said.",
        &[48772.0],
    ),
    ("SONESTA INTERNATIONAL HOTELS CORP <SNST> 4TH QTR", &[]),
    (
        "MIDLAND, Texas, March 5 - Bell Petroleum Services Inc said Regal International Inc has doubled its offer for Bell stock to one Regal share for each Bell share from half a share previously.",
        &[2.0, 1.0, 0.5],
    ),
];

/// A second sample (different seed), annotated before the extractor was run on it and
/// not tuned against: the honest held-out figure.
pub(super) const GOLD_HELDOUT: &[(&str, &[f64])] = &[
    (
        "England will announce their squad for the 12 March game against Italy on Saturday.",
        &[],
    ),
    (
        "The teams will now play the final two minutes, plus four minutes of injury time, on 5 January.",
        &[2.0, 4.0],
    ),
    (
        "The BBC has said there are no plans in the pipeline for a new series of hit comedy Blackadder, which ended in 1989.",
        &[],
    ),
    (
        "The environment select committee made 101 recommendations after hearing evidence from 51 organisations and individuals.",
        &[101.0, 51.0],
    ),
    (
        "\"Nearly two thirds of people with TB are born abroad,\" said Mr Howard.",
        &[2.0 / 3.0],
    ),
    (
        "\"This is Leicester Square like you've never seen it before,\" said Hanks, who plays five roles in the movie.",
        &[5.0],
    ),
    (
        "Growth did slow in the second half, but only slightly.",
        &[],
    ),
    (
        "The MP for Ealing North claimed the legislation would encourage a mafia-like culture of vice and corruption, in an interview on BBC Radio 4.",
        &[],
    ),
    (
        "But the storm increased following racist chanting by Spanish fans at England's black players during the game, which Spain won 1-0.",
        &[],
    ),
    (
        "Games for the DS are expected to cost between £19 and £29.",
        &[19.0, 29.0],
    ),
    (
        "EMI currently offers its entire 200,000 download catalogue for use by both by PCs and mobile phones.",
        &[200000.0],
    ),
    (
        "The company has an estimated $2.9bn hole in its pilots' pension scheme, which the PBGC will now guarantee.",
        &[2.9e9],
    ),
    (
        "Passengers will need to own a Nokia 3220 handset which will have a special shell attached to it.",
        &[],
    ),
    (
        "The $100m movie will be produced by Columbia/Sony Pictures and is due for release on May 19, 2006 in the United States and France.",
        &[100e6],
    ),
    (
        "\"They've probably got two of the best English kickers in the Premiership in Hodgson and Barkley,\" added Andrew, a former England fly-half and goal-kicker.",
        &[2.0],
    ),
    (
        "She was regarded by many as a pioneering woman in film, taking on jobs in the 70s that were more commonly taken by men.",
        &[],
    ),
    (
        "Bernard Ngom put Sable ahead just five minutes later and then Ernest Nfor settled the game on 68 minutes.",
        &[5.0, 68.0],
    ),
    (
        "The Celtic manager does not view the friendly against Valenciana - a region of Spain - on 28 December as important.",
        &[],
    ),
    (
        "Spurlock was given his award on the same day the European Court of Human Rights ruled that two UK activists should have been given legal aid.",
        &[2.0],
    ),
    (
        "Mr Doherty, 25, was arrested following an alleged incident in a London hotel on Wednesday evening.",
        &[25.0],
    ),
    (
        "But fierce competition is making it difficult for firms to get their wares in front of consumers, said Jeremy Flynn, head of third party services at Vodafone.",
        &[],
    ),
    (
        "Scrubs, which appears on the NBC network in the US and has been shown on Channel 4 on British television, is an off-beat comedy about a group of hospital doctors.",
        &[],
    ),
    (
        "Maduaka was unable to repeat the feat in the 200m, finishing down in fourth as",
        &[200.0],
    ),
    (
        "The two countries will also continue a joint venture agreement to produce stocks of the boiler fuel orimulsion.",
        &[2.0],
    ),
    (
        "Final div 14 cents, making 20 cents (no comparison)",
        &[14.0, 20.0],
    ),
    (
        "BELGRADE, June 18 - Yugoslavia has signed up for a 550 mln ECU loan from the European Community (EC), the official Tanjug news agency said.",
        &[550e6],
    ),
    (
        "TAMPA, Fla., March 17 - Qtly cash distribution 20 cts vs 20 cts prior",
        &[20.0, 20.0],
    ),
    (
        "It said holders of its common will receive one additional share for each share held as of March 20.",
        &[1.0],
    ),
    (
        "The bonus awards were made to Cargill, Inc (305,000 tonnes), Continental Grain Co (155,000 tonnes), Mitsubishi International Corp (60,000 tonnes) and Richco Grain Co (30,000 tonnes).",
        &[305000.0, 155000.0, 60000.0, 30000.0],
    ),
    (
        "That increases to 2.88 mln dlrs the amount of bonds the utility will buy back.",
        &[2.88e6],
    ),
    (
        "WASHINGTON, March 17 - A House Banking subcommittee approved legislation which would require the Treasury Secretary to begin negotiations.",
        &[],
    ),
    (
        "They would probably touch a high of 20 cents/pound from the current level of 18.59 cents, and a sharp rise from year-ago levels of 10.50 cents.",
        &[20.0, 18.59, 10.5],
    ),
    (
        "The company said sales for the first nine weeks of its fiscal year were up 17.4 pct to 849.3 mln dlrs from 723.7 mln dlrs a year before.",
        &[9.0, 17.4, 849.3e6, 723.7e6],
    ),
    (
        "LAGOS, APRIL 9 - NIGERIAN OIL MINISTER RILWANU LUKMAN SAID TODAY GOVERNMENT SUBSIDY ON DOMESTIC OIL PRODUCTS HAD RISEN FROM 20 TO 85 PCT AFTER THE FLOTATION OF THE NAIRA CURRENCY LAST SEPTEMBER.",
        &[20.0, 85.0],
    ),
    (
        "It said it expected West Germany to post a 31 billion dlr payments surplus and Japan a 76 billion dlr surplus this year.",
        &[31e9, 76e9],
    ),
    (
        "The company said cool wet weather last summer slowed total market demand in the past nine months.",
        &[9.0],
    ),
    (
        "NOTE: Prior year excludes extraordinary gain of 21 cts per share.",
        &[21.0],
    ),
    (
        "Today's data showed that the draining action was for a fairly large 3.9 billion dlrs, economists said.",
        &[3.9e9],
    ),
    (
        "FORT LAUDERDALE, Fla., April 7 - Sound Advice Inc said its common stock has started trading on the NASDAQ National Market System.",
        &[],
    ),
    (
        "ROTTERDAM, April 1- Internatio-Mueller NV <INTN.AS> said it will acquire <Promac Controls Inc> of Canada but declined to comment on the amount of the payment.",
        &[],
    ),
    (
        "BONN, March 13 - West Germany and Sierra Leone signed an agreement to reschedule 26 mln marks of principal and interest payments on loans, the West German Foreign Ministry said.",
        &[26e6],
    ),
    (
        "In a filing with the Securities and Exchange Commission, Chevron said it sold the shares for 11.88 dlrs each, or a total of 54.6 mln dlrs, under an agreement it had with UNC.",
        &[11.88, 54.6e6],
    ),
    (
        "NEW YORK, April 8 - Avnet Inc said it filed with the Securities and Exchange Commission a registration statement covering a 150 mln dlr issue of convertible subordinated debentures due 2012.",
        &[150e6],
    ),
];
