import StockCore
print("stockterm")
