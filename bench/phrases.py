"""Scenario-independent phrase parts and slot values for the corpus generator.

Written for this benchmark. Moves follow PRODUCT.md (greet, thank, acknowledge,
validate, apologize, own, next steps, reassure, close); the anti-patterns are
there on purpose so the analyzers have something to find.
"""

from __future__ import annotations

NAMES = (
    "Maria",
    "James",
    "Aisha",
    "Tomasz",
    "Priya",
    "Kenji",
    "Lucia",
    "Oliver",
    "Fatima",
    "Noah",
    "Ingrid",
    "Mateo",
    "Chloe",
    "Arjun",
    "Zoe",
    "Samuel",
    "Leila",
    "Hannah",
    "Diego",
    "Emeka",
    "Sofia",
    "Liam",
    "Mei",
    "Rafael",
)
AGENTS = ("Sam", "Alex", "Jordan", "Robin", "Casey", "Dana", "Kim", "Lee", "Morgan", "Taylor")
COMPANIES = ("Brightnest", "Parcelly", "Loomwork", "Tandem Goods", "Quillbox", "Northkit")
PRODUCTS = (
    "desk lamp",
    "blender",
    "headphones",
    "backpack",
    "coffee grinder",
    "monitor stand",
    "phone case",
    "rain jacket",
    "smart plug",
    "kettle",
    "yoga mat",
    "keyboard",
)
APPS = ("mobile app", "iOS app", "Android app", "desktop app", "web dashboard", "browser extension")
PLANS = ("Pro plan", "Team plan", "annual subscription", "Starter plan", "Business plan")
BROWSERS = ("Chrome", "Firefox", "Safari", "Edge")
CITIES = ("Leeds", "Austin", "Lyon", "Porto", "Denver", "Utrecht", "Cork", "Toronto")
STREETS = ("12 Elm Road", "48 Harbour Street", "7 Mill Lane", "230 Oak Avenue", "5 Quay Court")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
MONTHS = ("January", "March", "April", "June", "September", "November")
CURRENCIES = ("$", "€", "£")

GREETINGS = ("Hi {greet_name},", "Hello {greet_name},", "Hey {greet_name},", "Dear {greet_name},")
GENERIC_GREETINGS = (
    "Hello,",
    "Hi there,",
    "Dear Customer,",
    "Greetings,",
    "Hello valued customer,",
)
THANKS = (
    "Thanks for reaching out about this.",
    "Thank you for letting us know.",
    "Thanks for your patience while I looked into it.",
    "Thanks for taking the time to write to us.",
    "Thank you for the detailed description, it made this much quicker to check.",
)
VALIDATE = (
    "That sounds really frustrating.",
    "It's completely understandable that you're upset.",
    "I can imagine how stressful this has been.",
    "You have every reason to be annoyed, and I'd feel the same.",
    "That's a lot of back and forth for something that should have just worked.",
)
REPEAT_ACK = (
    "I can see you've had to contact us more than once about this, and I'm sorry for that.",
    "I know this isn't the first time you've written to us about it.",
)
GENERIC_SORRY = (
    "We apologize for any inconvenience this may have caused.",
    "We regret any inconvenience.",
    "Sorry for the inconvenience.",
)
EXTRA_SORRY = (
    "I'm so sorry again.",
    "Again, I truly apologize for all of this.",
    "Please accept my sincere apologies.",
    "I'm really, really sorry.",
    "Sorry once more for the trouble.",
    "I apologize again, this should never have happened.",
)
REASSURE = (
    "We'll get this sorted.",
    "I'll stay on this until it's fixed.",
    "You're in good hands, and I'll see this through.",
    "I'll personally keep an eye on it.",
)
CLOSINGS = (
    "If anything else comes up, just reply to this email.",
    "Let me know if there's anything else I can help with.",
    "If you have any other questions, I'm happy to help.",
    "Feel free to reply here if anything is unclear.",
)
ROBOTIC = (
    "Thank you for contacting {company} Support.",
    "Your request has been received and is being processed.",
    "Your call is important to us.",
    "We value your business.",
    "Please be advised that your case has been noted.",
    "Kindly note that we are unable to provide further information at this time.",
    "This is in accordance with our standard procedures.",
)
COLD = (
    "Per our policy, we can't do anything more.",
    "There is nothing we can do at this point.",
    "As I already said in my last email, this is expected.",
    "Obviously this is not something we can change.",
    "You're wrong about the dates.",
    "Please calm down and read the instructions again.",
    "We can't make exceptions.",
    "It's company policy.",
)
GENERIC_EXTRAS = (
    "Our support team is available seven days a week, from 8am to 8pm.",
    "You can check the status of any order from your account page.",
    "If you use the app, notifications for this will appear there too.",
    "I've added a note to your account so anyone on the team can see the history.",
    "Your ticket number for reference is {ticket}.",
    "You can also find answers to common questions at {url}",
    "I double-checked your account and everything else looks fine.",
    "We're reviewing how this happened so it doesn't happen to anyone else.",
    "The team working on this is the same one that handles priority accounts.",
    "If it's easier, I can also call you at a time that suits you.",
    "I've copied my colleague {agent2} from the billing team on this thread.",
    "Nothing else on your account needs changing.",
    "There's a short video guide in the help center if you prefer to watch.",
    "You don't need to do anything else for now.",
    "We'll also send a short survey afterwards; it's optional, but we read every answer.",
    "Your account manager, {agent2}, has been told about this as well.",
    "If you reply, please keep the ticket number in the subject line.",
    "The payment details on your account were not affected.",
    "Any emails from us will come from an address ending in {domain}.",
    "I know your time matters, so I kept this as short as I could.",
    "The settings you changed last month are still in place.",
    "For security reasons we never ask for your password by email.",
    "We're open on public holidays too, with a smaller team.",
    "If you'd rather talk it through, the chat button at {url} reaches us directly.",
    "Everything I've described is also written in the ticket for your records.",
)
SIGNOFFS = ("Best,", "Kind regards,", "Thanks,", "Cheers,", "Warm regards,", "All the best,")
ROBOTIC_SIGNOFFS = ("Regards,\nThe {company} Support Team", "Sincerely,\nCustomer Care")
RUN_ON_JOINS = (", and ", ", so ", " and then ", ", which means ", " because ", ", plus ")

# Customer voice.
CALM_OPEN = ("Hi there,", "Hello,", "Hi!", "Good morning,", "")
CALM_CLOSE = ("Thanks!", "Thanks in advance.", "Cheers,", "Thank you.")
REPEAT_CONTACT = (
    "This is the third time I'm writing about this.",
    "I already contacted you last week and nobody got back to me.",
    "I've explained this twice already.",
    "Second email about this, still no answer.",
)
FRUSTRATION = (
    "Honestly, this is getting ridiculous.",
    "I'm really disappointed.",
    "I expected better from {company}.",
    "I've wasted hours on this.",
)
ANGRY = (
    "This is UNACCEPTABLE!!!",
    "I am DONE with this!!",
    "FIX THIS NOW!!!",
    "Worst service I have EVER had!!!",
)
CANCEL_THREAT = (
    "If this isn't fixed today I'm cancelling my account.",
    "Fix it or I'm taking my business elsewhere.",
    "I will cancel and leave a review everywhere I can.",
)
