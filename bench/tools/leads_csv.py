"""Writes a lead import file for the benchmark: N rows in the documented columns, varied grading inputs, owners
cycling over the given reps, a tag on every fourth row, and 1 % duplicates (the phone of an earlier row written in
full-width digits and spaces) that the import must find. No field needs quoting, so the raw baseline can split on
commas.

    python3 leads_csv.py ROWS OUT.csv OWNER[,OWNER...]
"""
import sys

FULL = str.maketrans("0123456789+ ", "０１２３４５６７８９＋　")
INTENTS = ["LOW", "MEDIUM", "HIGH"]
BUDGETS = ["NONE", "UNCONFIRMED", "CONFIRMED"]
ROLES = ["UNKNOWN", "INFLUENCER", "DECISION_MAKER"]
SURNAMES = ["Zhang", "Wang", "Li", "Zhao", "Chen", "Liu", "Yang", "Huang", "张", "王", "李", "陈"]


def phone(i):
    return f"+86 139 {i // 10000:04d} {i % 10000:04d}"


def main():
    rows, out, owners = int(sys.argv[1]), sys.argv[2], sys.argv[3].split(",")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("externalId,personName,company,phone,email,intent,budgetStatus,budgetAmount,budgetCurrency,decisionRole,owner,tags\r\n")
        for i in range(rows):
            dup = i % 100 == 99
            p = phone(i - 50).translate(FULL) if dup else phone(i)
            budget = BUDGETS[(i // 3) % 3]
            amount = f"{(i % 500) * 1000 + 5000}.00" if budget != "NONE" else ""
            f.write(f"bench-{i},{SURNAMES[i % len(SURNAMES)]} {i},Company {i // 3} Ltd,{p},lead{i}@example.com,{INTENTS[i % 3]},{budget},"
                    f"{amount},{'CNY' if amount else ''},{ROLES[(i // 9) % 3]},{owners[i % len(owners)]},{'high intent' if i % 4 == 0 else ''}\r\n")


if __name__ == "__main__":
    main()
